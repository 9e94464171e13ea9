using System.Globalization;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>The OData system query options of one request. Graph accepts them with or without the $ prefix.</summary>
internal sealed record ODataQuery(
    IReadOnlySet<string>? Select,
    IReadOnlySet<string> Expand,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ExpandOptions,
    int? Top,
    int Skip,
    string? SkipToken,
    string? Filter,
    string? OrderBy,
    string? DeltaToken)
{
    public static ODataQuery From(HttpRequest request)
    {
        string? Get(string name) => request.Query.TryGetValue("$" + name, out var v) ? v.ToString()
            : request.Query.TryGetValue(name, out var w) ? w.ToString() : null;

        var select = Get("select") is { Length: > 0 } s ? Split(s) : null;
        var expandOptions = ExpandClauses.Parse(Get("expand"));
        var expand = expandOptions.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        int? top = null;
        if (Get("top") is { } t)
        {
            if (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 0)
                throw GraphException.BadRequest($"Invalid value '{t}' for $top query option found.", "BadRequest");
            top = parsed;
        }
        var skip = 0;
        if (Get("skip") is { } k && (!int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out skip) || skip < 0))
            throw GraphException.BadRequest($"Invalid value '{k}' for $skip query option found.", "BadRequest");
        return new ODataQuery(select, expand, expandOptions, top, skip, Get("skiptoken"), Get("filter"), Get("orderby"), Get("deltatoken"));
    }

    /// <summary>Page size: $top, else Prefer: odata.maxpagesize, else the endpoint's default; capped at the maximum.</summary>
    public int PageSize(HttpRequest request, int defaultSize, int maxSize)
    {
        if (Top is { } top) return Math.Clamp(top, 1, maxSize);
        foreach (var prefer in request.Headers["Prefer"])
        {
            foreach (var part in (prefer ?? "").Split(','))
            {
                var kv = part.Trim().Split('=', 2);
                if (kv.Length == 2 && kv[0].Trim().Equals("odata.maxpagesize", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(kv[1].Trim().Trim('"'), out var max))
                    return Math.Clamp(max, 1, maxSize);
            }
        }
        return defaultSize;
    }

    private static HashSet<string> Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
