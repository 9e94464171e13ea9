using M365Scanner.Core.Scoring;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class SenderLookalikeDomainSignalTests
{
    private readonly SenderLookalikeDomainSignal _signal = new();
    private static readonly ScoringScenario Contoso = new() { Tenant = TenantProfile.For(["contoso.com"]) };

    private double? Weight(string from) => _signal.Evaluate(Contoso.Deliver(ScoringScenario.Mail(from)))?.Weight;

    [Theory]
    [InlineData("ceo@c0ntoso.com")]
    [InlineData("it@contosso.com")]
    [InlineData("it@mail.c0ntoso.com")]
    public void Evaluate_Fires_WhenSenderDomainImitatesTenant(string from) => Assert.Equal(_signal.Weight, Weight(from));

    [Theory]
    [InlineData("carol@contoso.com")]
    [InlineData("x@partner.example")]
    [InlineData("x@gmail.com")]
    [InlineData("it@rnicrosoft.com")] // imitates someone, but not this tenant
    public void Evaluate_DoesNotFire_WhenSenderIsInternalOrUnrelated(string from) => Assert.Null(Weight(from));

    [Fact]
    public void Evaluate_FiresWeakly_WhenSameNameUnderOtherSuffix() => Assert.Equal(_signal.Weight * 0.4, Weight("x@contoso.co"));
}
