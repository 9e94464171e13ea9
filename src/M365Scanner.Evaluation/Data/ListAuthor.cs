using M365Scanner.Core.Mail;
using MimeKit;

namespace M365Scanner.Evaluation.Data;

/// <summary>
/// Who really wrote a list message. Mailman rewrites From to the list's own address ("Jane via USRP-users
/// &lt;usrp-users@lists.ettus.com&gt;") when the author's domain publishes a strict DMARC policy, and keeps the author
/// in Reply-To; X-Original-From (when a list sets it) and X-MailFrom (the envelope sender Mailman records) say the same.
/// Used to find a mailbox owner's own posts and to count a poster's messages; the scanner itself is given the
/// message as delivered, munged From included.
/// </summary>
public static class ListAuthor
{
    /// <returns>The author's address, lower case; null when the message names nobody.</returns>
    public static string? Of(EmailMessage message, string listAddress)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Header(message, "X-Original-From") is { } original && FirstAddress(original, listAddress) is { } o)
            return o;
        var from = message.From?.Normalized;
        if (from is not null && from != listAddress)
            return from;
        // Munged: the list's address in From; the author is in Reply-To, else in the envelope sender.
        return message.ReplyTo.Select(r => r.Normalized).FirstOrDefault(a => a.Contains('@') && a != listAddress)
               ?? (Header(message, "X-MailFrom") is { } envelope ? FirstAddress(envelope, listAddress) : null)
               ?? from;
    }

    private static string? Header(EmailMessage message, string name) =>
        message.Headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;

    private static string? FirstAddress(string value, string listAddress) =>
        InternetAddressList.TryParse(value, out var list)
            ? list.Mailboxes.Select(m => m.Address?.Trim().ToLowerInvariant())
                .FirstOrDefault(a => a is not null && a.Contains('@') && a != listAddress)
            : null;
}
