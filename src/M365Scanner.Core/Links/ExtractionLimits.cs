namespace M365Scanner.Core.Links;

/// <summary>Bounds that keep hostile input from costing unbounded time or memory. Anything over a bound is
/// skipped or cut with a note, never silently.</summary>
public sealed record ExtractionLimits
{
    /// <summary>Attachments larger than this are not opened (noted).</summary>
    public long MaxAttachmentBytes { get; init; } = 25 * 1024 * 1024;

    /// <summary>HTML larger than this (in chars) is parsed only up to this length (noted).</summary>
    public int MaxHtmlChars { get; init; } = 8 * 1024 * 1024;

    /// <summary>PDF pages beyond this are not read (noted).</summary>
    public int MaxPdfPages { get; init; } = 200;

    /// <summary>Wall-clock budget for one PDF; a PDF that takes longer is abandoned with a note.</summary>
    public TimeSpan PdfTimeBudget { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How deep message/rfc822 attachments are followed (1 = attachments of the top message only).</summary>
    public int MaxNestingDepth { get; init; } = 5;

    /// <summary>Links kept per message; the rest are dropped (noted).</summary>
    public int MaxLinksPerMessage { get; init; } = 5000;

    public static ExtractionLimits Default { get; } = new();
}
