using M365Scanner.Core.Scoring;

namespace M365Scanner.Core.Tests.Scoring;

/// <summary>The shipped Tranco ranks decide these cases: google.com and github.com are in the top 10k,
/// artofmanliness.com ranks about 20,000, partner-invented.example is not ranked.</summary>
public class NoveltyEvidenceTests
{
    [Fact]
    public void Of_IsFull_ForUnrankedDomain()
    {
        var (strength, why) = NoveltyEvidence.Of(ScoringScenario.Link("https://partner-invented.example/login"));
        Assert.Equal(1.0, strength);
        Assert.Null(why);
    }

    [Fact]
    public void Of_IsReduced_ForTop10kDomain()
    {
        var (strength, why) = NoveltyEvidence.Of(ScoringScenario.Link("https://github.com/EttusResearch/uhd/issues/1"));
        Assert.Equal(NoveltyEvidence.Top10kStrength, strength);
        Assert.Contains("10,000 most visited", why);
    }

    [Fact]
    public void Of_IsReducedLess_ForTop50kDomain()
    {
        var (strength, why) = NoveltyEvidence.Of(ScoringScenario.Link("https://www.artofmanliness.com/articles/x"));
        Assert.Equal(NoveltyEvidence.Top50kStrength, strength);
        Assert.Contains("50,000 most visited", why);
    }

    [Theory]
    [InlineData("https://sites.google.com/view/payroll-update")] // a user's page on the popular parent's own host
    [InlineData("https://storage.googleapis.com/bucket/index.html")] // cloud storage
    [InlineData("https://docs.google.com/forms/d/e/x/viewform")] // hosted form
    [InlineData("https://cloudflare-ipfs.com/ipfs/bafybeigdyrzt")] // IPFS gateway
    [InlineData("https://bit.ly/3xYz")] // a shortener: the destination is unknown
    [InlineData("https://103-52-115-55.cloud.leaseweb.net/x")] // a rented server named after its address
    public void Of_IsFull_ForUserContentOnPopularDomain(string url) =>
        Assert.Equal(1.0, NoveltyEvidence.Of(ScoringScenario.Link(url)).Strength);

    [Fact]
    public void Of_WeighsClickTrackerAsPopular()
    {
        var link = ScoringScenario.Link("https://u596767.ct.sendgrid.net/ls/click?upn=abc");
        var (strength, why) = NoveltyEvidence.Of(link);
        Assert.Equal(NoveltyEvidence.ClickTrackerStrength, strength);
        Assert.Contains("click tracker", why);
        Assert.True(NoveltyEvidence.IsClickTracker(link));
    }

    [Theory]
    [InlineData("ec2-3-8-1-2.compute.amazonaws.com", true)]
    [InlineData("1-2-3-4-abc.example", true)]
    [InlineData("mail-2022-01-05.example", false)]
    [InlineData("www.example", false)]
    public void IsNamedAfterAddress_FindsFourNumericParts(string host, bool expected) =>
        Assert.Equal(expected, NoveltyEvidence.IsNamedAfterAddress(host));

    [Theory]
    [InlineData("http://file.sv:51", "file.sv:51")] // a Verilog file:line reference a mail client auto-linked
    [InlineData("http://4.1.0.5", "4.1.0.5")] // a version number
    public void Of_IsReduced_ForBareAddressAutoLinked(string url, string text)
    {
        var (strength, why) = NoveltyEvidence.Of(ScoringScenario.Link(url, text));
        Assert.Equal(NoveltyEvidence.AutoLinkedReferenceStrength, strength);
        Assert.Contains("as typed", why);
    }

    [Theory]
    [InlineData("http://203.0.113.5/login", "203.0.113.5")] // text hides the path
    [InlineData("http://203.0.113.5", "Open your invoice")] // text is not the address
    [InlineData("http://file.sv:51", "http://file.sv:51")] // written as a URL, scheme and all
    [InlineData("http://unranked-example.sv", "unranked-example.sv")] // no port, not numbers: an ordinary auto-link
    public void Of_IsFull_WhenNotABareAutoLinkedAddress(string url, string text) =>
        Assert.Equal(1.0, NoveltyEvidence.Of(ScoringScenario.Link(url, text)).Strength);

    [Theory]
    [InlineData("https://info.support.huawei.com/logout?redirect=https://evil.example/")]
    [InlineData("https://info.support.huawei.com/logout?redirect=%68%74%74%70%73%3a%2f%2fevil.example")]
    public void Of_IsFull_WhenPopularSiteRedirectsToAnotherUrl(string url) =>
        Assert.Equal(1.0, NoveltyEvidence.Of(ScoringScenario.Link(url)).Strength);
}
