using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkYoungInTenantSignalTests
{
    private readonly LinkYoungInTenantSignal _signal = new();

    // ScoringScenario delivers at Start + 60 days.
    private static readonly DateTimeOffset Now = ScoringScenario.Start.AddDays(60);

    [Fact]
    public void Evaluate_FiresAtFullStrength_WhenDomainFirstSeenHoursAgo()
    {
        var scenario = new ScoringScenario().SeenElsewhere("https://login.campaign.example/", "a@spam.example", "carol@tenant.example", Now.AddHours(-2));
        var hit = _signal.Evaluate(scenario.LinkFrom("b@spam2.example", ScoringScenario.Link("https://login.campaign.example/")));
        Assert.NotNull(hit);
        Assert.Equal(_signal.Weight * (1 - 0.5 * (2 / 24.0) / 7), hit.Weight, 6);
        Assert.Contains("campaign.example was first seen in the organisation 2 hour(s) ago", hit.Explanation);
    }

    [Fact]
    public void Evaluate_FiresWeaker_WhenDomainFirstSeenDaysAgo()
    {
        var scenario = new ScoringScenario().SeenElsewhere("https://new.example/", "a@x.example", "carol@tenant.example", Now.AddDays(-5));
        var hit = _signal.Evaluate(scenario.LinkFrom("b@y.example", ScoringScenario.Link("https://new.example/")));
        Assert.Equal(_signal.Weight * (1 - 0.5 * 5 / 7.0), hit!.Weight, 6);
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenDomainKnownForWeeks()
    {
        var scenario = new ScoringScenario().SeenElsewhere("https://old.example/", "a@x.example", "carol@tenant.example", Now.AddDays(-8));
        Assert.Null(_signal.Evaluate(scenario.LinkFrom("b@y.example", ScoringScenario.Link("https://old.example/"))));
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenDomainNeverSeen() =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().LinkFrom("b@y.example", ScoringScenario.Link("https://never.example/"))));
}
