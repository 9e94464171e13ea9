using M365Scanner.Core.Scoring;
using M365Scanner.Host.BlockedLinks;

namespace M365Scanner.Host.Tests.BlockedLinks;

/// <summary>The reasons the blocked-link page gives the person who clicked: plain sentences keyed by real signals,
/// never the analyst's wording.</summary>
public sealed class PlainReasonsTests
{
    [Fact]
    public void EverySentence_IsKeyedByASignalTheScannerHas()
    {
        var names = SignalCatalog.LinkSignals.Select(s => s.Name).Concat(SignalCatalog.MessageSignals.Select(s => s.Name)).ToHashSet();

        Assert.All(PlainReasons.SignalNames, name => Assert.Contains(name, names));
    }

    [Fact]
    public void For_GivesTheFirstTwoPlainSentences_AndLeavesOutAnalystWordingAndFavourableSignals()
    {
        string[] stored =
        [
            "Sender: established correspondent: 52 messages with links before",
            "Link: established correspondent links where nobody in the tenant has been: 0 of 1,316",
            "Link: path carries a machine-generated token: the URL carries the token \"a8f…\", the kind a kit mints per recipient",
            "Link: domain never seen in the tenant: no one here",
        ];

        var plain = PlainReasons.For(stored);

        Assert.Equal(
            [
                "The sender usually writes to you, but this link goes to a site nobody in your organisation has been sent before.",
                "The address carries a long code made for a single recipient, as phishing links often do.",
            ], plain);
        Assert.DoesNotContain(plain, s => s.Contains("tenant", StringComparison.OrdinalIgnoreCase) || s.Contains("kit", StringComparison.Ordinal));
    }

    [Fact]
    public void For_IsEmpty_WhenNoReasonHasAPlainSentence()
    {
        Assert.Empty(PlainReasons.For(["Link: domain common in the tenant: 40 mailboxes", "something else entirely"]));
    }
}
