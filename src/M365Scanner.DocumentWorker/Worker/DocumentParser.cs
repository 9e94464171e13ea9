using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.DocumentWorker.Protocol;
using M365Scanner.DocumentWorker.Pool;

namespace M365Scanner.DocumentWorker.Worker;

/// <summary>Reads one requested document with Core's reader for its kind, in this (expendable) process.</summary>
internal sealed class DocumentParser(TestFaults faults)
{
    private ExtractionLimits? cachedLimits;
    private PdfLinkExtractor? cachedPdf;

    /// <exception cref="OutOfMemoryException">The document needed more than the worker's heap limit; the worker
    /// exits on it rather than going on in a state it cannot trust.</exception>
    public ParseResponse Parse(ParseRequest request)
    {
        if (request.Kind != DocumentKind.Pdf)
            return new ParseResponse(ParseStatus.UnsupportedKind, [], []);

        faults.Apply(request.Document.Span);
        var notes = new List<string>();
        try
        {
            var links = Pdf(request.Limits).Extract(request.Document, request.AttachmentOrigin, notes, request.Passwords);
            return new ParseResponse(ParseStatus.Read, links, notes);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The extractor notes what it knows; this is the backstop for a reader bug, as MessageLinkExtractor has.
            notes.Add($"pdf could not be read: {LinkOrigin.NameInNotes(request.AttachmentOrigin)}: {e.GetType().Name}: {e.Message}");
            return new ParseResponse(ParseStatus.Read, [], notes);
        }
    }

    // The parent enforces time by killing this process, so the extractor must not also abandon parses on a thread
    // of its own: an abandoned parse here would only keep running beside the next document.
    private PdfLinkExtractor Pdf(ExtractionLimits limits)
    {
        limits = limits with { PdfTimeBudget = Timeout.InfiniteTimeSpan };
        if (cachedPdf is null || limits != cachedLimits)
        {
            cachedLimits = limits;
            cachedPdf = new PdfLinkExtractor(limits);
        }
        return cachedPdf;
    }
}
