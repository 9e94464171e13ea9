using M365Scanner.Core.Hunting;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Tests.TestSupport;

namespace M365Scanner.Core.Tests.Hunting;

public class IndicatorMatcherTests
{
    private static readonly MessageLinkExtractor Extractor = new();

    private static EmailMessage Message(string body, string from = "someone@partner.example", byte[]? pdf = null) => new()
    {
        From = new EmailAddress(from),
        Subject = "s",
        TextBody = body,
        Attachments = pdf is null ? [] : [new EmailAttachment("invoice.pdf", "application/pdf", pdf, pdf.Length)],
    };

    private static IReadOnlyList<IndicatorHit> Hits(string indicator, EmailMessage message) =>
        new IndicatorMatcher([Indicator.Parse(indicator)]).Match(message, Extractor.Extract(message).Links);

    [Theory]
    [InlineData("https://evil.example/login")]
    [InlineData("https://login.evil.example/a")]
    [InlineData("https://a.b.EVIL.example:8443/a")]
    [InlineData("http://evil.example.")]
    public void Match_FindsDomain_WhenHostIsDomainOrSubdomain(string url) =>
        Assert.Single(Hits("evil.example", Message($"see {url} now")));

    [Theory]
    [InlineData("https://notevil.example/login")]
    [InlineData("https://evil.example.attacker.net/login")]
    [InlineData("https://evi1.example/login")]
    [InlineData("https://evil-example.com/login")]
    [InlineData("https://partner.example/?next=evil.example")]
    public void Match_IgnoresDomain_WhenOnlyALookalikeOrSubstring(string url) =>
        Assert.Empty(Hits("evil.example", Message($"see {url} now")));

    [Fact]
    public void Match_FindsDomain_WhenOnlyInsidePdfAnnotation()
    {
        var pdf = MinimalPdf.Build(new MinimalPage(["Invoice"], [MinimalPdf.UriLink("https://pay.evil.example/invoice")]));

        var hit = Assert.Single(Hits("evil.example", Message("the invoice is attached", pdf: pdf)));

        Assert.StartsWith("attachment:invoice.pdf", hit.Where, StringComparison.Ordinal);
        Assert.Equal("https://pay.evil.example/invoice", hit.Url);
    }

    [Fact]
    public void Match_FindsUrl_WhenSafeLinksWrappedInMessage()
    {
        var wrapped = "https://nam12.safelinks.protection.outlook.com/?url=" + Uri.EscapeDataString("https://evil.example/login") + "&data=x";

        var hit = Assert.Single(Hits("https://EVIL.example/login", Message($"click {wrapped}")));

        Assert.Equal(wrapped, hit.Url);
    }

    [Fact]
    public void Match_IgnoresUrl_WhenPathDiffers() =>
        Assert.Empty(Hits("https://evil.example/login", Message("click https://evil.example/logout")));

    [Fact]
    public void Match_FindsDomain_WhenSafeLinksWrapped()
    {
        var wrapped = "https://nam12.safelinks.protection.outlook.com/?url=" + Uri.EscapeDataString("https://evil.example/login") + "&data=x";

        Assert.Single(Hits("evil.example", Message($"click {wrapped}")));
    }

    [Theory]
    [InlineData("x@evil.example", "X@Evil.example", true)]
    [InlineData("x@evil.example", "y@evil.example", false)]
    [InlineData("@evil.example", "anyone@evil.example", true)]
    [InlineData("@evil.example", "anyone@mail.evil.example", true)]
    [InlineData("@evil.example", "anyone@notevil.example", false)]
    [InlineData("@evil.example", "evil.example@partner.example", false)]
    public void Match_ComparesSender_ByAddressOrDomain(string indicator, string from, bool expected)
    {
        var hits = Hits("sender:" + indicator, Message("no links", from));

        Assert.Equal(expected, hits.Count == 1);
    }

    [Fact]
    public void Match_ReportsOneHitPerPlace_WhenLinkRepeated() =>
        Assert.Single(Hits("evil.example", Message("https://evil.example/a and https://evil.example/b")));
}
