namespace M365Scanner.Storage.Rows;

/// <summary>
/// The LIKE patterns a verdict search needs, for both SQL providers (each writes <c>ESCAPE '\'</c> after them), and
/// the same tests for the in-memory store, so the three agree on what matches.
/// </summary>
/// <remarks>
/// A link domain is found inside <c>links_json</c>, the serialised <see cref="Core.Scanning.LinkReport"/> list, by the
/// text <c>"domain":"evil.example"</c>. That is anchored on the field: System.Text.Json writes a quote inside a string
/// as <c>\u0022</c>, so a URL or link text carrying that text cannot fake it. The cost: the pattern starts with a
/// wildcard, so no index serves it; it is checked on each row the other filters (and the newest-first scan, which stops
/// at the limit) leave, reading that row's links. A tenant or time filter keeps that bounded.
/// </remarks>
internal static class VerdictSearchPatterns
{
    /// <summary>Rows whose links include <paramref name="domain"/> as their registrable domain.</summary>
    public static string LinkDomain(string domain) => $"%{LinkDomainField(domain)}%";

    /// <summary>Subjects containing <paramref name="text"/>.</summary>
    public static string Contains(string text) => $"%{Escape(text)}%";

    /// <summary>Addresses at exactly <paramref name="domain"/>.</summary>
    public static string AtDomain(string domain) => $"%@{Escape(domain)}";

    /// <summary>True when a sender filter names a domain rather than one address.</summary>
    public static bool IsDomain(string sender) => !sender.Contains('@');

    public static bool LinksInclude(string linksJson, string domain) =>
        linksJson.Contains($"\"domain\":\"{domain}\"", StringComparison.Ordinal);

    public static bool SenderMatches(string? sender, string filter) => sender is not null && (IsDomain(filter)
        ? sender.EndsWith("@" + filter, StringComparison.OrdinalIgnoreCase)
        : string.Equals(sender, filter, StringComparison.OrdinalIgnoreCase));

    private static string LinkDomainField(string domain) => Escape($"\"domain\":\"{domain}\"");

    /// <summary>The text with LIKE's wildcards and its escape character taken literally.</summary>
    private static string Escape(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
