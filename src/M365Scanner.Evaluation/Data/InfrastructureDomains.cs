namespace M365Scanner.Evaluation.Data;

/// <summary>
/// Hosts that appear as links in phishing HTML without being the lure: XML namespaces and font/schema servers
/// that a renderer touches but a reader never clicks. Kept deliberately tiny: every entry removes a candidate
/// phishing URL, and a long list would quietly make the attacks easier to catch.
/// </summary>
public static class InfrastructureDomains
{
    /// <summary>Matched against the link's host: the entry itself or any subdomain of it.</summary>
    public static IReadOnlyList<string> Hosts { get; } =
    [
        "w3.org",                     // DOCTYPE and xmlns URLs
        "schemas.microsoft.com",      // Office/VML namespaces in Outlook-made HTML
        "schemas.openxmlformats.org", // Office Open XML namespaces
        "purl.org",                   // Dublin Core namespaces
        "ns.adobe.com",               // XMP metadata namespaces
        "fonts.googleapis.com",       // web font stylesheets
        "fonts.gstatic.com",          // web font files
    ];

    public static bool Contains(string? host) =>
        host is not null && Hosts.Any(h => host == h || host.EndsWith("." + h, StringComparison.Ordinal));
}
