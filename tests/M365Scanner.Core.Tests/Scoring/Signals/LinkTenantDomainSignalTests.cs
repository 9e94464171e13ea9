using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkTenantDomainSignalTests
{
    private readonly LinkTenantDomainSignal _signal = new();

    [Theory]
    [InlineData("https://tenant.example/")]
    [InlineData("https://intranet.tenant.example/news")]
    [InlineData("https://INTRANET.Tenant.Example/")]
    public void Evaluate_Fires_WhenLinkGoesToOrganisationsOwnDomain(string url)
    {
        var hit = _signal.Evaluate(new ScoringScenario().LinkFrom("x@partner.example", ScoringScenario.Link(url)));
        Assert.NotNull(hit);
        Assert.True(hit.Weight < 0);
        Assert.Contains("belongs to the organisation's own domain", hit.Explanation);
    }

    [Theory]
    [InlineData("https://tenant.example.evil.example/")]
    [InlineData("https://eviltenant.example/")]
    [InlineData("https://evil.example/tenant.example")]
    [InlineData("javascript:alert(1)")]
    public void Evaluate_DoesNotFire_WhenLinkOnlyLooksLikeTheOrganisation(string url) =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().LinkFrom("x@partner.example", ScoringScenario.Link(url))));

    [Theory]
    [InlineData("http://intranet/")]
    [InlineData("http://srv-xk7q2vb9:8080/login")]
    public void Evaluate_Fires_WhenHostIsASingleLabelIntranetName(string url)
    {
        var hit = _signal.Evaluate(new ScoringScenario().LinkFrom("x@partner.example", ScoringScenario.Link(url)));
        Assert.NotNull(hit);
        Assert.Equal(_signal.Weight, hit.Weight);
        Assert.Contains("single-label name", hit.Explanation);
    }
}
