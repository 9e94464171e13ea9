using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkCommonInTenantSignalTests
{
    private readonly LinkCommonInTenantSignal _signal = new();

    [Fact]
    public void Evaluate_FiresWeakly_WhenAFewSendersSentItToTwoMailboxes()
    {
        var hit = _signal.Evaluate(Spread(senders: 3, mailboxes: 2).LinkFrom("z@new.example", ScoringScenario.Link("https://www.saas.example/doc")));
        Assert.NotNull(hit);
        Assert.Equal(_signal.Weight * 0.5, hit.Weight);
        Assert.Contains("saas.example has been sent by 3 different senders to 2 mailboxes", hit.Explanation);
    }

    [Fact]
    public void Evaluate_FiresStronger_WhenManySendersAndMailboxes() =>
        Assert.Equal(_signal.Weight * 0.75,
            _signal.Evaluate(Spread(senders: 12, mailboxes: 6).LinkFrom("z@new.example", ScoringScenario.Link("https://saas.example/")))?.Weight);

    [Fact]
    public void Evaluate_DoesNotFire_WhenOnlyOneMailboxSawIt() =>
        Assert.Null(_signal.Evaluate(Spread(senders: 5, mailboxes: 1).LinkFrom("z@new.example", ScoringScenario.Link("https://saas.example/"))));

    [Fact]
    public void Evaluate_DoesNotFire_WhenManySendersHitManyMailboxesInOneRecentBurst() =>
        Assert.Null(_signal.Evaluate(Spread(senders: 40, mailboxes: 20, at: ScoringScenario.Start.AddDays(59))
            .LinkFrom("z@new.example", ScoringScenario.Link("https://saas.example/"))));

    [Fact]
    public void Evaluate_DoesNotFire_WhenDomainNeverSeen() =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().LinkFrom("z@new.example", ScoringScenario.Link("https://saas.example/"))));

    private static ScoringScenario Spread(int senders, int mailboxes, DateTimeOffset? at = null)
    {
        var scenario = new ScoringScenario();
        for (var i = 0; i < Math.Max(senders, mailboxes); i++)
            scenario.SeenElsewhere("https://www.saas.example/", $"s{i % senders}@sender{i % senders}.example", $"user{i % mailboxes}@tenant.example", at);
        return scenario;
    }
}
