namespace M365Scanner.GraphEmulator.Graph;

/// <summary>Which properties of an attachment to write: all (no $select), or those a $select names. The attachments of
/// a message are typed as the base microsoft.graph.attachment, so, as in Graph, a property only a file attachment has
/// (contentBytes, contentId, contentLocation) must be cast ("microsoft.graph.fileAttachment/contentId"); named plainly
/// it fails the whole request. @odata.type and id are always written, so a client tells the kinds apart.</summary>
internal sealed class AttachmentSelect
{
    private const string FileAttachmentCast = "microsoft.graph.fileAttachment";
    private static readonly string[] BaseProperties = ["id", "name", "contentType", "size", "isInline", "lastModifiedDateTime"];
    private static readonly string[] FileProperties = ["contentBytes", "contentId", "contentLocation"];

    private readonly HashSet<string>? _properties;

    private AttachmentSelect(HashSet<string>? properties) => _properties = properties;

    /// <summary>Every property, bytes included: an attachment read without $select.</summary>
    public static readonly AttachmentSelect All = new(null);

    public bool IsAll => _properties is null;

    public bool Has(string property) => _properties?.Contains(property) ?? true;

    /// <exception cref="GraphException">400 for a property the attachment type does not have, as Graph answers.</exception>
    public static AttachmentSelect Parse(string? select)
    {
        if (string.IsNullOrWhiteSpace(select)) return All;
        var properties = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var slash = item.LastIndexOf('/');
            var cast = slash < 0 ? null : item[..slash].TrimStart('#');
            var property = slash < 0 ? item : item[(slash + 1)..];
            if (cast is not null && !cast.Equals(FileAttachmentCast, StringComparison.OrdinalIgnoreCase))
                throw GraphException.BadRequest($"Parsing OData Select and Expand failed: The emulator casts only to '{FileAttachmentCast}', not '{cast}'.");
            var known = cast is null ? BaseProperties : [.. BaseProperties, .. FileProperties];
            var match = known.FirstOrDefault(k => k.Equals(property, StringComparison.OrdinalIgnoreCase))
                ?? throw GraphException.BadRequest(
                    $"Parsing OData Select and Expand failed: Could not find a property named '{property}' on type '{cast ?? "microsoft.graph.attachment"}'.");
            properties.Add(match);
        }
        return new AttachmentSelect(properties);
    }

    /// <summary>The $select of an attachments request itself (list or get one).</summary>
    public static AttachmentSelect From(HttpRequest request) =>
        Parse(request.Query.TryGetValue("$select", out var s) ? s.ToString() : request.Query["select"].ToString());
}
