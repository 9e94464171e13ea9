using M365Scanner.Core.Mail;
using M365Scanner.Core.Tests.TestSupport;
using Xunit.Abstractions;
using static M365Scanner.Core.Tests.Remediation.RemediationTestSupport;

namespace M365Scanner.Core.Tests.Remediation;

/// <summary>The rewriter over the real phishing corpus (read in place), every link taken as offending: the hostile
/// markup and PDFs of real kits, which no hand-written case anticipates.</summary>
public class LinkRewriterCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Rewrite_LeavesNoOffendingUrlUnreported_AndCompletesAtLeast98Percent_ForPhishingCorpus()
    {
        int messages = 0, complete = 0;
        var unreported = new List<string>();
        var reasons = new Dictionary<string, int>();
        foreach (var file in Directory.EnumerateFiles(SharedData.PathOf("phishing"), "*.eml").Order(StringComparer.Ordinal))
        {
            var message = EmlReader.Read(File.ReadAllBytes(file));
            var links = Extractor.Extract(message).Links;
            if (links.Count == 0)
                continue;
            messages++;

            var result = Rewriter.Rewrite(message, links, _ => Blocked);

            if (result.IsComplete)
                complete++;
            foreach (var failure in result.NotRewritten)
                reasons[$"{failure.Reason} ({failure.Link.Source})"] = reasons.GetValueOrDefault($"{failure.Reason} ({failure.Link.Source})") + 1;
            var reported = result.NotRewritten.Select(n => (n.Link.Url, n.Link.Origin)).ToHashSet();
            var original = links.Select(l => (l.Url, l.Origin)).ToHashSet();
            foreach (var left in Extractor.Extract(Apply(message, result)).Links)
                if (original.Contains((left.Url, left.Origin)) && !reported.Contains((left.Url, left.Origin)))
                    unreported.Add($"{Path.GetFileName(file)}: {left.Origin}: {left.Url}");
        }

        output.WriteLine($"{complete}/{messages} messages rewritten completely");
        foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value))
            output.WriteLine($"{count} not rewritten: {reason}");
        Assert.Empty(unreported);
        Assert.True(complete >= messages * 0.98, $"only {complete} of {messages} messages were rewritten completely");
    }
}
