using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Fuzz.Seeds;

namespace M365Scanner.Fuzz.Targets;

/// <summary>PDF bytes through <see cref="PdfLinkExtractor"/> in this process, without its time budget: PdfPig's
/// parser, our annotation and page-tree readers, the raw-bytes recovery.</summary>
/// <remarks>Extract is documented never to throw for the content of the PDF, so any exception out of it is a crash
/// (an OutOfMemoryException too: it means one document took the heap limit scripts/fuzz sets). The time budget is
/// off so a slow document shows as an AFL++ hang instead of a note, and so the parse runs on this thread, where a
/// stack overflow kills the child as it would kill the host.</remarks>
internal sealed class PdfTarget : FuzzTarget
{
    internal static readonly PdfLinkExtractor Extractor = new(ExtractionLimits.Default with { PdfTimeBudget = Timeout.InfiniteTimeSpan });

    internal const string Origin = "attachment:fuzz.pdf";

    public override string Name => "pdf";

    public override string Description => "PDF bytes -> PdfLinkExtractor.Extract (in process, no time budget)";

    public override void Run(byte[] input) => Extractor.Extract(input, Origin, new List<string>(), ["fuzz"]);

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds() => PdfSeeds.All();

    public override IEnumerable<string> DictionaryTokens() => PdfSeeds.DictionaryTokens();
}
