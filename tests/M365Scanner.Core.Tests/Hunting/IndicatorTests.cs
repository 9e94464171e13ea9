using M365Scanner.Core.Hunting;

namespace M365Scanner.Core.Tests.Hunting;

public class IndicatorTests
{
    [Theory]
    [InlineData("Evil.Example", "domain:evil.example")]
    [InlineData("evil.example.", "domain:evil.example")]
    [InlineData("domain: login.evil.example", "domain:login.evil.example")]
    [InlineData("münchen.example", "domain:xn--mnchen-3ya.example")]
    [InlineData("https://Evil.Example/Login?a=1", "url:https://evil.example/Login?a=1")]
    [InlineData("url:http://evil.example:80/x", "url:http://evil.example/x")]
    [InlineData("X@Evil.Example", "sender:x@evil.example")]
    [InlineData("sender:@Evil.Example", "sender:@evil.example")]
    public void Parse_Normalises_WhenValid(string text, string expected) =>
        Assert.Equal(expected, Indicator.Parse(text).ToString());

    [Fact]
    public void Parse_UnwrapsSafeLinks_WhenUrlIsWrapped()
    {
        var wrapped = "https://nam12.safelinks.protection.outlook.com/?url=" + Uri.EscapeDataString("https://evil.example/login") + "&data=x";

        Assert.Equal("url:https://evil.example/login", Indicator.Parse(wrapped).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("# a comment")]
    [InlineData("com")]
    [InlineData("co.uk")]
    [InlineData("evil.example/path")]
    [InlineData("a@b@c.example")]
    [InlineData("mailto:x@evil.example")]
    public void TryParse_ReturnsFalse_WhenNotAnIndicator(string text) =>
        Assert.False(Indicator.TryParse(text, out _));

    [Fact]
    public void Domain_Throws_WhenPublicSuffix() =>
        Assert.Throws<FormatException>(() => Indicator.Domain("github.io"));
}
