namespace M365Scanner.GraphEmulator.Graph;

/// <summary>How a message is shown: which properties ($select), what is expanded, which body format (Prefer).</summary>
internal sealed record MessageView(IReadOnlySet<string>? Select, bool ExpandAttachments, bool ExpandExtendedProperties, string? PreferredBodyType)
{
    public static readonly MessageView Default = new(null, false, false, null);

    public static MessageView From(HttpRequest request, ODataQuery query)
    {
        string? preferred = null;
        foreach (var prefer in request.Headers["Prefer"])
        {
            var value = prefer ?? "";
            if (value.Contains("outlook.body-content-type=\"text\"", StringComparison.OrdinalIgnoreCase)) preferred = "text";
            else if (value.Contains("outlook.body-content-type=\"html\"", StringComparison.OrdinalIgnoreCase)) preferred = "html";
        }
        return new MessageView(query.Select, query.Expand.Contains("attachments"), query.Expand.Contains("singleValueExtendedProperties"), preferred);
    }
}
