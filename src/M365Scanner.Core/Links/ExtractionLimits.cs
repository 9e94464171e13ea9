namespace M365Scanner.Core.Links;

/// <summary>Bounds that keep hostile input from costing unbounded time or memory. Anything over a bound is
/// skipped or cut with a note, never silently.</summary>
public sealed record ExtractionLimits
{
    /// <summary>The configuration section the host and the offline <c>scan</c> both read it from.</summary>
    public const string Section = "Extraction";

    /// <summary>Attachments larger than this are not opened (noted).</summary>
    public long MaxAttachmentBytes { get; init; } = 25 * 1024 * 1024;

    /// <summary>HTML larger than this (in chars) is parsed only up to this length (noted).</summary>
    public int MaxHtmlChars { get; init; } = 8 * 1024 * 1024;

    /// <summary>PDF pages beyond this are not read (noted).</summary>
    public int MaxPdfPages { get; init; } = 200;

    /// <summary>Wall-clock budget for one PDF; a PDF that takes longer is abandoned with a note.</summary>
    public TimeSpan PdfTimeBudget { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Bytes one PDF stream may decode to; inflating is stopped, not finished, past it (a 1 MB Flate
    /// stream can hold 1 GiB of zeros).</summary>
    public long MaxPdfStreamBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Bytes all of one PDF's streams may decode to together, every decode counted (a stream drawn
    /// many times is decoded many times).</summary>
    public long MaxPdfDecodedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Content operators a PDF page may run, form XObjects counted each time they are drawn; a page over
    /// it has its link annotations read but not its text (noted). Text extraction costs about 500 bytes per
    /// operator in PdfPig, so this bounds a page's memory as well as its time.</summary>
    public long MaxPdfOperatorsPerPage { get; init; } = 500_000;

    /// <summary>How deep form XObjects may draw one another on a PDF page.</summary>
    public int MaxPdfFormDepth { get; init; } = 12;

    /// <summary>Wall-clock budget for MimeKit's parse of one attached message's structure; a message that takes longer is
    /// not read (noted). See <see cref="Mail.EmlReader.ParseBudget"/>, the same default.</summary>
    public TimeSpan MimeParseBudget { get; init; } = Mail.EmlReader.ParseBudget;

    /// <summary>How deep message/rfc822 attachments are followed (1 = attachments of the top message only).</summary>
    public int MaxNestingDepth { get; init; } = 5;

    /// <summary>Links kept per message; the rest are dropped (noted).</summary>
    public int MaxLinksPerMessage { get; init; } = 5000;

    public static ExtractionLimits Default { get; } = new();
}
