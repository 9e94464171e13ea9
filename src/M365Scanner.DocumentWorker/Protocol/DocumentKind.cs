namespace M365Scanner.DocumentWorker.Protocol;

/// <summary>What a request asks the worker to read. The first byte of every request, so other kinds (Office
/// files, HTML) can be added without changing the framing; a worker answers a kind it does not know with
/// <see cref="ParseStatus.UnsupportedKind"/>.</summary>
public enum DocumentKind : byte
{
    /// <summary>A PDF attachment, read by Core's <c>PdfLinkExtractor</c>.</summary>
    Pdf = 1,
}
