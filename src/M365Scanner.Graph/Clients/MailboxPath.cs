using System.Text.RegularExpressions;

namespace M365Scanner.Graph.Clients;

/// <summary>Finds the mailbox a Graph request addresses: the segment after /users/ (an id or a UPN).</summary>
internal static partial class MailboxPath
{
    /// <summary>The mailbox key in lower case, or null when the request is not about one mailbox
    /// (/users listing, /subscriptions, /$batch).</summary>
    /// <remarks>An attachment upload goes to Outlook's own URL, <c>/api/v2.0/Users('{user id}@{tenant id}')/...</c>, and
    /// counts against the mailbox's limits like any other request: its key is the user id, the one a Graph request
    /// addressed by id has (notifications name mailboxes by id).</remarks>
    public static string? Of(Uri? uri)
    {
        if (uri is null) return null;
        var match = UserSegment().Match(uri.AbsolutePath);
        if (!match.Success)
            match = OutlookUserSegment().Match(uri.AbsolutePath);
        return match.Success ? Uri.UnescapeDataString(match.Groups[1].Value).ToLowerInvariant() : null;
    }

    [GeneratedRegex("/Users\\('([^'@/]+)(?:@[^'/]*)?'\\)/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutlookUserSegment();

    // "/users/{x}" followed by another segment: "/users/{x}" alone is a directory read, not a mailbox request.
    [GeneratedRegex("/users/([^/]+)/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserSegment();
}
