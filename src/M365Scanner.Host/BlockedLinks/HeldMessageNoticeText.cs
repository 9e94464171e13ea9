using System.Globalization;
using System.Text.Encodings.Web;
using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;

namespace M365Scanner.Host.BlockedLinks;

/// <summary>
/// The words of the notice a user finds in their Inbox when a message to them was held: who sent it, its subject and
/// when it arrived, why in plain words (<see cref="PlainReasons"/>), whose protection (<see cref="OrganisationName"/>),
/// and a link to the held message's page where they can ask for it. Nothing of the held message's content: no body, no
/// attachment, no link of its, so the notice can never deliver what was held.
/// </summary>
/// <remarks>The sender's name and address and the subject are the attacker's words: each is HTML-encoded, and a URL
/// or web address written in them is defanged ("hxxps[:]//", "www[.]"), so neither the mail client nor the user can
/// follow it from the notice.</remarks>
public static class HeldMessageNoticeText
{
    /// <summary>The notice's own subject: fixed, so the held message's subject (a lure) is never its headline.</summary>
    public const string Subject = "A message to you was held for your safety";

    /// <summary>How much of the held subject and sender name the notice quotes.</summary>
    public const int MaxQuoted = 140;

    /// <summary>The notice's HTML body.</summary>
    /// <param name="pageUrl">The held message's page (a signed <see cref="BlockedLinkToken.ForMessage"/> link).</param>
    public static string Body(string? organisation, EmailAddress? sender, string? subject, DateTimeOffset receivedAt,
        IReadOnlyList<string> reasons, string pageUrl, string reference)
    {
        var html = HtmlEncoder.Default;
        var who = organisation is null ? "Your organisation" : html.Encode(organisation);
        var from = sender is null ? "an unknown sender"
            : sender.DisplayName is { Length: > 0 } name && !string.Equals(name.Trim(), sender.Address, StringComparison.OrdinalIgnoreCase)
                ? $"<strong>{Quote(name)}</strong> ({Quote(sender.Address)})"
                : $"<strong>{Quote(sender.Address)}</strong>";
        var about = subject is { Length: > 0 } s ? $"with the subject <strong>“{Quote(s)}”</strong>" : "without a subject";
        var why = reasons.Count == 0
            ? "<p>It did not look like the mail you usually receive.</p>"
            : "<p>What stood out:</p><ul>" + string.Concat(reasons.Select(r => $"<li>{html.Encode(r)}</li>")) + "</ul>";
        return "<html><body>" +
               $"<p>{who} protects your mailbox with M365Scanner.</p>" +
               $"<p>A message from {from} {about}, received {When(receivedAt)}, was held because it did not fit the usual pattern of your mail.</p>" +
               why +
               "<p>The message is kept safe and is not in your mailbox. This notice does not contain any of it: no links and no attachments from it.</p>" +
               "<p>If you expected it, you can ask your IT or security team to check it and release it to your Inbox: " +
               $"<a href=\"{html.Encode(pageUrl)}\">Request release</a>.</p>" +
               $"<p>If you contact them about it, quote this reference: <code>{Quote(reference)}</code></p>" +
               "</body></html>";
    }

    /// <summary>The date the pages and notices give: unambiguous in every locale, in UTC.</summary>
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>An untrusted text as the notice quotes it: cut to <see cref="MaxQuoted"/>, web addresses defanged, HTML-encoded.</summary>
    public static string Quote(string untrusted)
    {
        var text = untrusted.Length > MaxQuoted ? untrusted[..MaxQuoted] + "…" : untrusted;
        return HtmlEncoder.Default.Encode(Defanged.Text(text));
    }
}
