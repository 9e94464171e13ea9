using System.Text.RegularExpressions;
using M365Scanner.Core.Mail;
using MimeKit;

namespace M365Scanner.Core.Senders;

/// <summary>
/// What a list server writes into the copies it sends (RFC 2369 and RFC 2919 fields, and the author headers of DMARC
/// mitigation), read leniently: a field that cannot be parsed counts as absent, never as an error.
/// </summary>
public static partial class ListHeaders
{
    /// <summary>The first value of header <paramref name="name"/>, or null.</summary>
    public static string? Value(EmailMessage message, string name)
    {
        foreach (var header in message.Headers)
            if (string.Equals(header.Name?.Trim(), name, StringComparison.OrdinalIgnoreCase))
                return header.Value;
        return null;
    }

    /// <summary>The list's identifier in a List-Id value ("Some list &lt;list.example.org&gt;" → "list.example.org");
    /// null when there is none.</summary>
    public static string? ParseListId(string? value)
    {
        if (value is null)
            return null;
        var match = Bracketed().Match(value);
        var id = (match.Success ? match.Groups[1].Value : value).Trim().ToLowerInvariant();
        return id.Length is > 0 and <= 255 ? id : null;
    }

    /// <summary>The posting address in a List-Post value ("&lt;mailto:list@example.org&gt;"); null for "NO" (an
    /// announce-only list) or anything that is not a mailto.</summary>
    public static string? ParsePostingAddress(string? value)
    {
        if (value is null)
            return null;
        foreach (Match m in Bracketed().Matches(value))
        {
            var uri = m.Groups[1].Value.Trim();
            if (!uri.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                continue;
            var address = uri[7..];
            var query = address.IndexOf('?');
            if (query >= 0)
                address = address[..query];
            address = Uri.UnescapeDataString(address).Trim().ToLowerInvariant();
            if (address.Contains('@'))
                return address;
        }
        return null;
    }

    /// <summary>The first address in header <paramref name="name"/> other than <paramref name="except"/>.</summary>
    public static EmailAddress? AddressIn(EmailMessage message, string name, string except)
    {
        if (Value(message, name) is not { } value || !InternetAddressList.TryParse(value, out var list))
            return null;
        foreach (var mailbox in list.Mailboxes)
        {
            var address = mailbox.Address?.Trim();
            if (address is { Length: > 0 } && address.Contains('@') &&
                !string.Equals(address, except, StringComparison.OrdinalIgnoreCase))
                return new EmailAddress(address, string.IsNullOrWhiteSpace(mailbox.Name) ? null : mailbox.Name);
        }
        return null;
    }

    [GeneratedRegex(@"<([^<>]*)>")]
    private static partial Regex Bracketed();
}
