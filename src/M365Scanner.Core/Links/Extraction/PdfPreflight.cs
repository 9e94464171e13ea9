namespace M365Scanner.Core.Links.Extraction;

/// <summary>What PdfPig would overflow its stack on while opening a file, before any check of ours could run: such a
/// file is never handed to <c>PdfDocument.Open</c>, by the extractor or by the rewriter.</summary>
internal static class PdfPreflight
{
    /// <summary>Why <paramref name="pdf"/> must not be opened with PdfPig, or null.</summary>
    public static string? Refuse(ReadOnlySpan<byte> pdf) =>
        PdfReferenceChains.Runaway(pdf) ?? PdfXrefWidths.Implausible(pdf);
}
