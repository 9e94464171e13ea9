namespace M365Scanner.Core.Links.Unwrapping;

/// <summary>Reads one parameter of a URL query without building a dictionary (wrapper checks run per link).</summary>
internal static class QueryString
{
    /// <summary>The raw (still percent-encoded) value of the first parameter with one of the given names
    /// (names compared ignoring case); null when absent.</summary>
    public static string? GetRaw(string? query, params ReadOnlySpan<string> names)
    {
        if (string.IsNullOrEmpty(query))
            return null;
        foreach (var name in names)
        {
            foreach (var range in query.AsSpan().Split('&'))
            {
                var pair = query.AsSpan(range.Start.Value, range.End.Value - range.Start.Value);
                var eq = pair.IndexOf('=');
                var key = eq < 0 ? pair : pair[..eq];
                if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
                    return eq < 0 ? "" : pair[(eq + 1)..].ToString();
            }
        }
        return null;
    }
}
