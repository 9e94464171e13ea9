using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class SenderDisplayNameImpersonationSignalTests
{
    private readonly SenderDisplayNameImpersonationSignal _signal = new();

    [Theory]
    [InlineData("Alice CEO")]
    [InlineData("  alice   ceo ")]
    [InlineData("\"CEO, Alice\"")]
    public void Evaluate_Fires_WhenInternalUserNameComesFromOutside(string displayName)
    {
        var hit = Evaluate("alice.ceo.private@gmail.com", displayName);
        Assert.NotNull(hit);
        Assert.Equal(_signal.Weight, hit.Weight);
        Assert.Contains("alice.ceo.private@gmail.com", hit.Explanation);
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenInternalUserWritesFromInside() =>
        Assert.Null(Evaluate("alice@tenant.example", "Alice CEO"));

    [Fact]
    public void Evaluate_Fires_WhenDisplayNameShowsAnotherAddress()
    {
        var hit = Evaluate("x@evil.example", "service@bank.com");
        Assert.Equal(_signal.Weight, hit?.Weight);
        Assert.Contains("service@bank.com", hit?.Explanation);
    }

    [Fact]
    public void Evaluate_Fires_WhenDisplayNameShowsTenantDomainFromOutside() =>
        Assert.Contains("organisation's domain it.tenant.example", Evaluate("x@evil.example", "IT Helpdesk it.tenant.example")?.Explanation);

    [Fact]
    public void Evaluate_Fires_WhenDisplayNameShowsAnotherAddressEvenAtUnlistedSuffix() =>
        Assert.NotNull(Evaluate("x@evil.example", "payroll@bank.example"));

    [Fact]
    public void Evaluate_FiresWeaker_WhenDisplayNameShowsAnotherDomain() =>
        Assert.Equal(_signal.Weight * 0.6, Evaluate("x@evil.example", "PayPal.com Support")?.Weight);

    [Theory]
    [InlineData("news@shop.com", "Shop.com")]
    [InlineData("alerts@mail.bank.co.uk", "service@bank.co.uk")]
    [InlineData("x@partner.example", "x@partner.example")]
    [InlineData("x@partner.example", "Mr.Smith")]
    [InlineData("anna.design@studio.example", "Anna.Design")]
    [InlineData("x@partner.example", "Bob")]
    [InlineData("x@partner.example", null)]
    [InlineData("x@partner.example", "")]
    public void Evaluate_DoesNotFire_WhenDisplayNameIsConsistentWithSender(string from, string? displayName) =>
        Assert.Null(Evaluate(from, displayName));

    [Fact]
    public void Evaluate_DoesNotFire_WhenMessageHasNoFrom() =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().Deliver(ScoringScenario.Mail("x@x.com") with { From = null })));

    private Core.Scoring.SignalHit? Evaluate(string from, string? displayName) =>
        _signal.Evaluate(new ScoringScenario().Deliver(ScoringScenario.Mail(from, displayName)));
}
