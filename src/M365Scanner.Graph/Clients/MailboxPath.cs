using System.Text.RegularExpressions;

namespace M365Scanner.Graph.Clients;

/// <summary>Finds the mailbox a Graph request addresses: the segment after /users/ (an id or a UPN).</summary>
internal static partial class MailboxPath
{
    /// <summary>The mailbox key in lower case, or null when the request is not about one mailbox
    /// (/users listing, /subscriptions, /$batch).</summary>
    public static string? Of(Uri? uri)
    {
        if (uri is null) return null;
        var match = UserSegment().Match(uri.AbsolutePath);
        return match.Success ? Uri.UnescapeDataString(match.Groups[1].Value).ToLowerInvariant() : null;
    }

    // "/users/{x}" followed by another segment: "/users/{x}" alone is a directory read, not a mailbox request.
    [GeneratedRegex("/users/([^/]+)/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserSegment();
}
