using M365Scanner.Core.Mail;

namespace M365Scanner.Core.Tests.Mail;

public class AuthenticationResultsHeaderTests
{
    private const string ExchangeOnline =
        "spf=fail (sender IP is 1.2.3.4) smtp.mailfrom=x.com; dkim=none (message not signed) header.d=none;" +
        "dmarc=fail action=none header.from=x.com;compauth=fail reason=001";

    [Fact]
    public void Parse_ReadsEveryMethod_WhenExchangeOnlineOmitsAuthServId()
    {
        var h = AuthenticationResultsHeader.Parse(ExchangeOnline);
        Assert.Null(h.AuthServId);
        Assert.Equal(["spf=fail", "dkim=none", "dmarc=fail", "compauth=fail"], h.Results.Select(r => r.ToString()));
        Assert.Equal("x.com", h.ResultsOf("dmarc").Single().Property("header.from"));
        Assert.Equal("001", h.ResultsOf("compauth").Single().Property("reason"));
        Assert.Equal("x.com", h.ResultsOf("spf").Single().Property("smtp.mailfrom"));
    }

    [Fact]
    public void Parse_ReadsAuthServId_AndToleratesNestedCommentsQuotesAndSpacedEquals()
    {
        var h = AuthenticationResultsHeader.Parse(
            "mx.example.net 1; dkim = fail (body hash mismatch (got b'a;b=c')) header.d=list.example header.b=\"Ab;C\"; " +
            "DMARC=Pass (p=none dis=none) header.from=example.org;  spf/2=softfail smtp.mailfrom=example.org");
        Assert.Equal("mx.example.net", h.AuthServId);
        Assert.Equal(["dkim=fail", "dmarc=pass", "spf=softfail"], h.Results.Select(r => r.ToString()));
        Assert.Equal("list.example", h.ResultsOf("dkim").Single().Property("header.d"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(";;;")]
    [InlineData("mx.example.net; none")]
    [InlineData("((unbalanced; =fail \"quote")]
    public void Parse_ReturnsNoResults_WhenValueHasNone(string? value) =>
        Assert.Empty(AuthenticationResultsHeader.Parse(value).Results);

    [Fact]
    public void OfReceiver_UsesTopmostHeaderOnly_WhenLowerOnesComeFromElsewhere()
    {
        var message = WithHeaders(
            ("Authentication-Results", "mx.tenant.example; spf=fail smtp.mailfrom=x.com"),
            ("Authentication-Results", "mx.sender.example; dmarc=pass header.from=x.com"));
        var h = AuthenticationResultsHeader.OfReceiver(message);
        Assert.Equal(["spf=fail"], h!.Results.Select(r => r.ToString()));
    }

    [Fact]
    public void OfReceiver_JoinsAdjacentHeadersOfSameReceiver_WhenItWritesOnePerMethod()
    {
        var message = WithHeaders(
            ("Authentication-Results", "mailin1.proton.example; dmarc=fail (p=reject) header.from=bank.example"),
            ("Received", "from somewhere"),
            ("Authentication-Results", "mailin1.proton.example; spf=none smtp.mailfrom=evil.example"),
            ("Authentication-Results", "forged.example; dmarc=pass header.from=bank.example"),
            ("Authentication-Results", "mailin1.proton.example; dkim=pass header.d=bank.example"));
        var h = AuthenticationResultsHeader.OfReceiver(message);
        Assert.Equal(["dmarc=fail", "spf=none"], h!.Results.Select(r => r.ToString()));
    }

    [Fact]
    public void OfReceiver_IgnoresArcHeaders()
    {
        var message = WithHeaders(
            ("ARC-Authentication-Results", "i=1; mx.microsoft.com 1; spf=pass smtp.mailfrom=x.com"),
            ("Authentication-Results", ExchangeOnline));
        Assert.Equal(4, AuthenticationResultsHeader.OfReceiver(message)!.Results.Count);
    }

    [Fact]
    public void OfReceiver_FallsBackToAuthenticationResultsList_WhenHeadersAreNotKept()
    {
        var message = new EmailMessage { AuthenticationResults = ["i=2; arc.example; dmarc=pass", ExchangeOnline] };
        Assert.True(AuthenticationResultsHeader.OfReceiver(message)!.Has("dmarc", "fail"));
    }

    [Fact]
    public void OfReceiver_ReturnsNull_WhenMessageHasNoHeader() =>
        Assert.Null(AuthenticationResultsHeader.OfReceiver(new EmailMessage()));

    private static EmailMessage WithHeaders(params (string Name, string Value)[] headers) => new()
    {
        Headers = [.. headers.Select(h => new MessageHeader(h.Name, h.Value))],
        AuthenticationResults = [.. headers.Where(h => h.Name.Contains("Authentication-Results")).Select(h => h.Value)],
    };
}
