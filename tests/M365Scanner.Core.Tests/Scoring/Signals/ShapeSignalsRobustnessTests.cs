using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring;

namespace M365Scanner.Core.Tests.Scoring.Signals;

/// <summary>Every catalogued signal on links without a host, with odd hosts or odd text: never throws.</summary>
public class ShapeSignalsRobustnessTests
{
    public static TheoryData<string, string?> OddLinks => new()
    {
        { "data:", null },
        { "data:,", "" },
        { "javascript:", "javascript:" },
        { "http://[2001:db8::1]:8080/x.exe", "[2001:db8::1]" },
        { "http://0x7f.1/", "http://" },
        { "http://xn--ls8h.la/", "💩.la" },
        { "http://a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.example/", new string('.', 5000) },
        { "http://user:pass:word@@host.example:65535/%zz/..%2f..", "@@@ :// www. http:// ...." },
        { "https://localhost/", "localhost" },
        { "http://co.uk/", "co.uk" },
    };

    [Theory]
    [MemberData(nameof(OddLinks))]
    public void Evaluate_NeverThrows_OnOddLinks(string url, string? text)
    {
        var link = LinkResolver.Default.Resolve(new FoundLink(url, text, LinkSource.Anchor, "attachment:"));
        if (link is null)
            return;
        var context = new ScoringScenario().LinkFrom("x@partner.example", link);
        foreach (var signal in SignalCatalog.LinkSignals)
            _ = signal.Evaluate(context);
        foreach (var signal in SignalCatalog.MessageSignals)
            _ = signal.Evaluate(context.Message);
    }
}
