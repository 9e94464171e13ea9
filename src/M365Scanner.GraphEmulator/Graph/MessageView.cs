namespace M365Scanner.GraphEmulator.Graph;

/// <summary>How a message is shown: which properties ($select), what is expanded, which body format (Prefer).</summary>
internal sealed partial record MessageView(IReadOnlySet<string>? Select, bool ExpandAttachments, bool ExpandExtendedProperties,
    string? PreferredBodyType, IReadOnlySet<string>? ExtendedPropertyIds = null, AttachmentSelect? AttachmentSelect = null)
{
    public static readonly MessageView Default = new(null, false, false, null);

    /// <summary>The properties of expanded attachments: attachments($select=...) or all of them.</summary>
    public AttachmentSelect Attachments => AttachmentSelect ?? Graph.AttachmentSelect.All;

    /// <summary>singleValueExtendedProperties($filter=id eq '...' [or id eq '...']) limits the expansion to those ids.</summary>
    private static IReadOnlySet<string>? ExtendedPropertyFilter(HttpRequest request)
    {
        var expand = request.Query.TryGetValue("$expand", out var e) ? e.ToString() : request.Query["expand"].ToString();
        var ids = PropertyId().Matches(expand).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return ids.Count == 0 ? null : ids;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"id\s+eq\s+'([^']+)'", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PropertyId();

    // Only $select is honoured inside attachments(...); anything else is refused rather than silently ignored.
    private static AttachmentSelect ExpandedAttachments(ODataQuery query)
    {
        if (!query.ExpandOptions.TryGetValue("attachments", out var options)) return Graph.AttachmentSelect.All;
        if (options.Keys.FirstOrDefault(k => k != "select") is { } other)
            throw GraphException.BadRequest($"The emulator supports only $select inside $expand=attachments(...), not ${other}.");
        return Graph.AttachmentSelect.Parse(options.GetValueOrDefault("select"));
    }

    public static MessageView From(HttpRequest request, ODataQuery query)
    {
        string? preferred = null;
        foreach (var prefer in request.Headers["Prefer"])
        {
            var value = prefer ?? "";
            if (value.Contains("outlook.body-content-type=\"text\"", StringComparison.OrdinalIgnoreCase)) preferred = "text";
            else if (value.Contains("outlook.body-content-type=\"html\"", StringComparison.OrdinalIgnoreCase)) preferred = "html";
        }
        return new MessageView(query.Select, query.Expand.Contains("attachments"), query.Expand.Contains("singleValueExtendedProperties"), preferred,
            ExtendedPropertyFilter(request), ExpandedAttachments(query));
    }
}
