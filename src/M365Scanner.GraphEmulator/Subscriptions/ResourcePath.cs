using System.Text.RegularExpressions;

namespace M365Scanner.GraphEmulator.Subscriptions;

/// <summary>The mailbox (and optionally folder) a message subscription watches, parsed from forms such as
/// users/{id}/messages, /users/{id}/mailFolders('Inbox')/messages and users/{id}/mailFolders/{id}/messages.</summary>
internal sealed partial record ResourcePath(string User, string? Folder)
{
    public static ResourcePath? Parse(string resource)
    {
        var path = resource.Split('?', 2)[0].Trim().TrimStart('/');
        var m = Pattern().Match(path);
        if (!m.Success) return null;
        var folder = m.Groups["f1"].Success ? m.Groups["f1"].Value : m.Groups["f2"].Success ? m.Groups["f2"].Value : null;
        return new ResourcePath(Uri.UnescapeDataString(m.Groups["u"].Value), folder);
    }

    [GeneratedRegex(@"^users/(?<u>[^/]+)/(?:mailfolders\('(?<f1>[^']+)'\)/|mailfolders/(?<f2>[^/]+)/)?messages/?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
