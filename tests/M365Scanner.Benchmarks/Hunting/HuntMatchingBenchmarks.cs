using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using M365Scanner.Core.Hunting;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Tests.TestSupport;

namespace M365Scanner.Benchmarks.Hunting;

/// <summary>
/// The CPU side of an IOC hunt over 100,000 delivered messages: extract every link (bodies and PDF attachments,
/// unwrapped) and match one domain indicator, as <c>HuntRunner</c> does for each message Graph returns. Graph reads
/// are not in it (see docs/BENCHMARKS.md, "Retro-hunts"). Results are per message (OperationsPerInvoke).
/// </summary>
/// <remarks>The synthetic corpus: 1 message in 10 carries a one-page PDF with two link annotations; 1 in 100 carries
/// the indicator (half in the HTML body behind Safe Links, half only in the PDF); the rest link the sender's own
/// sites. <c>HuntMatches</c> is checked after each run so a broken matcher cannot look fast.</remarks>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class HuntMatchingBenchmarks
{
    public const int Messages = 100_000;

    private readonly MessageLinkExtractor _extractor = new();
    private readonly IndicatorMatcher _matcher = new([Indicator.Domain("evil-share.example")]);
    private EmailMessage[] _corpus = [];

    [GlobalSetup]
    public void Setup() => _corpus = Corpus(Messages);

    [Benchmark(OperationsPerInvoke = Messages)]
    public int ExtractAndMatch()
    {
        var matched = 0;
        foreach (var message in _corpus)
        {
            if (_matcher.Match(message, _extractor.Extract(message).Links).Count > 0)
                matched++;
        }
        if (matched != Messages / 100)
            throw new InvalidOperationException($"matched {matched}, expected {Messages / 100}");
        return matched;
    }

    /// <summary>The corpus; PDFs are shared byte arrays (ten variants), as identical invoices are in real mail.</summary>
    internal static EmailMessage[] Corpus(int count)
    {
        var cleanPdfs = Enumerable.Range(0, 10).Select(i => MinimalPdf.Build(new MinimalPage([$"Invoice {i}", "Terms apply"],
            [MinimalPdf.UriLink($"https://portal.vendor{i}.example/invoice/{i}"),
             MinimalPdf.UriLink($"https://vendor{i}.example/terms", "[70 700 400 720]")]))).ToArray();
        var evilPdf = MinimalPdf.Build(new MinimalPage(["Statement"], [MinimalPdf.UriLink("https://files.evil-share.example/s/8f3k")]));
        var corpus = new EmailMessage[count];
        for (var i = 0; i < count; i++)
        {
            var vendor = i % 500;
            var carrier = i % 100 == 0;
            var inPdf = carrier && i % 200 == 0;
            var link = carrier && !inPdf
                ? "https://nam12.safelinks.protection.outlook.com/?url=" + Uri.EscapeDataString($"https://evil-share.example/doc/{i}") + "&amp;data=x"
                : $"https://www.vendor{vendor}.example/news/{i}";
            byte[]? pdf = inPdf ? evilPdf : i % 10 == 5 ? cleanPdfs[i % cleanPdfs.Length] : null;
            corpus[i] = new EmailMessage
            {
                InternetMessageId = $"m{i}@vendor{vendor}.example",
                Subject = $"Update {i}",
                From = new EmailAddress($"news@vendor{vendor}.example"),
                To = [new EmailAddress("bob@contoso.example")],
                HtmlBody = $"<html><body><p>Hello Bob,</p><p>Our update is <a href=\"{link}\">here</a>. " +
                           $"Unsubscribe at <a href=\"https://www.vendor{vendor}.example/unsubscribe?u={i}\">this page</a>.</p>" +
                           "<p>Regards,<br>The team</p></body></html>",
                Attachments = pdf is null ? [] : [new EmailAttachment("statement.pdf", "application/pdf", pdf, pdf.Length)],
            };
        }
        return corpus;
    }
}
