namespace M365Scanner.Core.Links;

/// <summary>The origin strings every extracted link carries. They are part of the CLI's stable output.</summary>
public static class LinkOrigin
{
    /// <summary>The message body (HTML or text).</summary>
    public const string Body = "body";

    /// <summary>An attachment: "attachment:invoice.pdf". Nested containers join with '/':
    /// "attachment:fwd.eml/invoice.pdf".</summary>
    public static string Attachment(string fileName, string? parentOrigin = null) =>
        parentOrigin is null or Body ? $"attachment:{fileName}" : $"{parentOrigin}/{fileName}";

    /// <summary>How notes name an attachment: its origin without the "attachment:" prefix ("fwd.eml/invoice.pdf").</summary>
    public static string NameInNotes(string attachmentOrigin) =>
        attachmentOrigin.StartsWith("attachment:", StringComparison.Ordinal) ? attachmentOrigin["attachment:".Length..] : attachmentOrigin;

    /// <summary>One page of a paged attachment: "attachment:invoice.pdf/page 2" (pages count from 1).</summary>
    public static string Page(string attachmentOrigin, int pageNumber) => $"{attachmentOrigin}/page {pageNumber}";
}
