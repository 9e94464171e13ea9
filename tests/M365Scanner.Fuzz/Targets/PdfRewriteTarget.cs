using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Remediation;
using M365Scanner.Fuzz.Seeds;

namespace M365Scanner.Fuzz.Targets;

/// <summary>PDF bytes through the remediation path: the links <see cref="PdfTarget"/>'s extractor finds, plus one
/// that is not there, rewritten by <see cref="LinkRewriter"/>, which runs PdfUriRewriter (an incremental update
/// written over PdfPig's view of every object) and then reads the result back with the extractor.</summary>
/// <remarks>PdfUriRewriter is internal; this public path is how the host reaches it. Crashes as for
/// <see cref="Remediation"/>: any exception, since failures are reported as <see cref="NotRewrittenLink"/>s.</remarks>
internal sealed class PdfRewriteTarget : FuzzTarget
{
    private const string FileName = "fuzz.pdf";

    public override string Name => "pdf-rewrite";

    public override string Description => "PDF bytes -> PdfLinkExtractor, then LinkRewriter (PdfUriRewriter + read-back)";

    public override void Run(byte[] input)
    {
        var found = PdfTarget.Extractor.Extract(input, PdfTarget.Origin, new List<string>(), []);
        // A URL the file does not hold still makes the rewriter open and walk the whole document.
        var absent = new FoundLink("http://absent.example/", null, LinkSource.PdfAnnotation, LinkOrigin.Page(PdfTarget.Origin, 1));
        var message = new EmailMessage
        {
            Attachments = [new EmailAttachment(FileName, "application/pdf", input, input.Length)],
        };
        Remediation.Rewrite(message, found.Append(absent).Select(Remediation.AsLink));
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds() => PdfSeeds.All();

    public override IEnumerable<string> DictionaryTokens() => PdfSeeds.DictionaryTokens();
}
