using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Normalization;

namespace M365Scanner.Core.Tests.Links.Normalization;

public class UrlNormalizerTests
{
    private static NormalizedUrl Normal(string url) =>
        UrlNormalizer.Normalize(url) ?? throw new Xunit.Sdk.XunitException($"expected a link for {url}");

    [Theory]
    [InlineData("HTTP://WWW.Example.COM/Path?Q=1#Frag", "http://www.example.com/Path?Q=1#Frag")]
    [InlineData("https://example.com", "https://example.com/")]
    [InlineData("www.example.com/x", "http://www.example.com/x")]
    [InlineData("//example.com/x", "http://example.com/x")]
    [InlineData("http://example.com./x", "http://example.com/x")]
    [InlineData("https://example.com:443/x", "https://example.com/x")]
    [InlineData("http://example.com:/x", "http://example.com/x")]
    [InlineData("http:\\\\example.com\\a\\b?c\\d", "http://example.com/a/b?c%5Cd")]
    [InlineData("http:example.com/x", "http://example.com/x")]
    [InlineData("  \u0001http://exa\tmple.com/x\n ", "http://example.com/x")]
    [InlineData("http://example.com/a b\"c", "http://example.com/a%20b%22c")]
    [InlineData("http://example.com/%41%2F%zz?q=%2520", "http://example.com/%41%2F%25zz?q=%2520")]
    [InlineData("http://example.com/ü?q=ö", "http://example.com/%C3%BC?q=%C3%B6")]
    [InlineData("http://%65vil.com/", "http://evil.com/")]
    [InlineData("ftp://files.example.org:21/a", "ftp://files.example.org/a")]
    public void Normalize_ReturnsExpectedTarget(string url, string expected) =>
        Assert.Equal(expected, Normal(url).Target);

    [Theory]
    [InlineData("http://münchen.de/", "xn--mnchen-3ya.de", "münchen.de")]
    [InlineData("http://MÜNCHEN.DE/", "xn--mnchen-3ya.de", "münchen.de")]
    [InlineData("http://xn--mnchen-3ya.de/", "xn--mnchen-3ya.de", "münchen.de")]
    [InlineData("http://аррӏе.com/", "xn--80ak6aa92e.com", "аррӏе.com")]
    [InlineData("http://ｅｘａｍｐｌｅ.com/", "example.com", "example.com")]
    [InlineData("http://例え。テスト/", "xn--r8jz45g.xn--zckzah", "例え.テスト")]
    [InlineData("http://xn--zz.com/", "xn--zz.com", "xn--zz.com")]
    public void Normalize_KeepsPunycodeAndUnicodeHost_WhenHostIsIdn(string url, string ascii, string unicode)
    {
        var n = Normal(url);
        Assert.Equal(ascii, n.Host);
        Assert.Equal(unicode, n.UnicodeHost);
        Assert.StartsWith("http://" + ascii + "/", n.Target);
    }

    [Theory]
    [InlineData("http://3232235777/", "192.168.1.1")]
    [InlineData("http://0300.0250.0.1/", "192.168.0.1")]
    [InlineData("http://0xC0.0xA8.1.1/", "192.168.1.1")]
    [InlineData("http://0xc0a80101/", "192.168.1.1")]
    [InlineData("http://192.168.257/", "192.168.1.1")]
    [InlineData("http://127.1/", "127.0.0.1")]
    [InlineData("http://1.2.3.4./", "1.2.3.4")]
    [InlineData("http://[::1]:80/", "[::1]")]
    [InlineData("http://[2001:DB8:0:0::1]/", "[2001:db8::1]")]
    public void Normalize_ReturnsDottedQuad_WhenHostIsIpInAnyBrowserForm(string url, string host)
    {
        var n = Normal(url);
        Assert.Equal(host, n.Host);
        Assert.True(n.IsIpHost);
        Assert.Null(n.Port);
    }

    [Fact]
    public void Normalize_ReturnsHostAfterAt_WhenUserInfoDisguisesHost()
    {
        var n = Normal("http://paypal.com@evil.com/login");
        Assert.Equal("evil.com", n.Host);
        Assert.Equal("paypal.com", n.UserInfo);
        Assert.Equal("http://paypal.com@evil.com/login", n.Target);
    }

    [Theory]
    [InlineData("http://example.com:8080/", 8080)]
    [InlineData("https://example.com:80/", 80)]
    [InlineData("http://example.com:080/", null)]
    public void Normalize_KeepsOnlyNonDefaultPort(string url, int? port) => Assert.Equal(port, Normal(url).Port);

    [Theory]
    [InlineData("javascript:alert(1)", LinkKind.JavaScript)]
    [InlineData("JavaScript:alert(1)", LinkKind.JavaScript)]
    [InlineData(" \u0000java\tscript:alert(1)", LinkKind.JavaScript)]
    [InlineData("java\nscript:alert(1)", LinkKind.JavaScript)]
    [InlineData("DATA:text/html;base64,PHNjcmlwdD4=", LinkKind.Data)]
    public void Normalize_ReturnsHostlessLink_WhenDataOrJavaScript(string url, LinkKind kind)
    {
        var n = Normal(url);
        Assert.Equal(kind, n.Kind);
        Assert.Null(n.Host);
        Assert.StartsWith(kind == LinkKind.Data ? "data:" : "javascript:", n.Target);
    }

    [Theory]
    [InlineData("mailto:a@example.com")]
    [InlineData("MAILTO:a@example.com")]
    [InlineData("cid:image001.png@01D")]
    [InlineData("tel:+15551234")]
    [InlineData("sms:+15551234")]
    [InlineData("about:blank")]
    [InlineData("#top")]
    [InlineData("/relative/path")]
    [InlineData("page.html")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("http://")]
    [InlineData("http:///")]
    [InlineData("http://example.com:99999/")]
    [InlineData("http://example.com:80a/")]
    [InlineData("http://256.1.1.1/")]
    [InlineData("http://1.2.3.08/")]
    [InlineData("http://[::1/")]
    [InlineData("http://[fe80::1%25eth0]/")]
    [InlineData("http://exa mple.com/")]
    [InlineData("http://a..b.com/")]
    [InlineData("hxxp://evil.com/")]
    [InlineData("http://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com/")] // 64-char label
    public void Normalize_ReturnsNull_WhenNotAFollowableLink(string url) => Assert.Null(UrlNormalizer.Normalize(url));

    [Theory]
    [InlineData("http://example.com/a%20b?x=%2F&y=a+b#f%41")]
    [InlineData("https://xn--mnchen-3ya.de:8443/p?q")]
    [InlineData("http://[::1]/")]
    public void Normalize_IsIdempotent(string url)
    {
        var once = Normal(url).Target;
        Assert.Equal(once, Normal(once).Target);
        Assert.True(Uri.TryCreate(once, UriKind.Absolute, out _));
    }
}
