using System.Text;
using M365Scanner.Core.Links;

namespace M365Scanner.Core.Tests.Links;

public class LinkResolverTests
{
    private static Link? Resolve(string url, string? text = null, LinkSource source = LinkSource.Anchor) =>
        LinkResolver.Default.Resolve(new FoundLink(url, text, source, LinkOrigin.Body));

    private static Link ResolveLink(string url) =>
        Resolve(url) ?? throw new Xunit.Sdk.XunitException($"expected a link for {url}");

    [Fact]
    public void Resolve_FillsEveryProperty_WhenSafeLinksWrapped()
    {
        var url = "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Flogin.xn--mnchen-3ya.co.uk%3A8443%2Fa&data=x";
        var link = LinkResolver.Default.Resolve(new FoundLink(url, "Sign in", LinkSource.PdfAnnotation, "attachment:a.pdf/page 1"))!;

        Assert.Equal(url, link.Url);
        Assert.Equal("https://login.xn--mnchen-3ya.co.uk:8443/a", link.Target);
        Assert.Equal(LinkKind.Web, link.Kind);
        Assert.Equal("login.xn--mnchen-3ya.co.uk", link.Host);
        Assert.Equal("login.münchen.co.uk", link.UnicodeHost);
        Assert.Equal("xn--mnchen-3ya.co.uk", link.RegistrableDomain);
        Assert.Equal(8443, link.Port);
        Assert.False(link.IsIpHost);
        Assert.Equal("attachment:a.pdf/page 1", link.Origin);
        Assert.Equal("Sign in", link.Text);
        Assert.Equal(LinkSource.PdfAnnotation, link.Source);
        Assert.Equal(["safelinks"], link.WrappedBy);
        Assert.False(link.IsOpaqueWrapper);
    }

    [Theory]
    [InlineData("http://3232235777/x", "192.168.1.1")]
    [InlineData("http://[::1]/", "[::1]")]
    public void Resolve_UsesHostAsRegistrableDomain_WhenHostIsIp(string url, string host)
    {
        var link = ResolveLink(url);
        Assert.True(link.IsIpHost);
        Assert.Equal(host, link.Host);
        Assert.Equal(host, link.RegistrableDomain);
    }

    [Theory]
    [InlineData("https://github.io/", "github.io")]
    [InlineData("http://intranet/", "intranet")]
    [InlineData("https://evil.github.io/x", "evil.github.io")]
    [InlineData("http://paypal.com@login.evil.co.uk/", "evil.co.uk")]
    public void Resolve_ReturnsRegistrableDomain(string url, string expected) =>
        Assert.Equal(expected, ResolveLink(url).RegistrableDomain);

    [Theory]
    [InlineData("javascript:alert(1)", LinkKind.JavaScript)]
    [InlineData("  JAVA\tSCRIPT:alert(1)", LinkKind.JavaScript)]
    [InlineData("data:text/html,<script>", LinkKind.Data)]
    public void Resolve_ReturnsHostlessLink_WhenDataOrJavaScript(string url, LinkKind kind)
    {
        var link = ResolveLink(url);
        Assert.Equal(kind, link.Kind);
        Assert.Null(link.Host);
        Assert.Null(link.RegistrableDomain);
        Assert.Equal(url, link.Url);
    }

    [Theory]
    [InlineData("mailto:someone@example.com")]
    [InlineData("cid:image001.png")]
    [InlineData("#section")]
    [InlineData("../relative.html")]
    public void Resolve_ReturnsNull_WhenNotALink(string url) => Assert.Null(Resolve(url));

    [Fact]
    public void Resolve_ReturnsWrapperAsTarget_WhenMimecastWrapped()
    {
        var link = ResolveLink("https://protect-eu.mimecast.com/s/AbCd?domain=evil.example.com");
        Assert.True(link.IsOpaqueWrapper);
        Assert.Equal(["mimecast"], link.WrappedBy);
        Assert.Equal("https://protect-eu.mimecast.com/s/AbCd?domain=evil.example.com", link.Target);
        Assert.Equal("mimecast.com", link.RegistrableDomain);
    }

    [Fact]
    public void Resolve_NeverThrows_WhenGivenGarbage()
    {
        var random = new Random(20240611);
        var seeds = new[]
        {
            "http://", "https://a.b/", "www.", "//", "javascript:", "data:", "http://[", "http://0x", "%", "@", ":",
            "https://nam12.safelinks.protection.outlook.com/?url=", "https://urldefense.com/v3/__", "__;", "**",
            "https://urldefense.proofpoint.com/v2/url?u=", "https://protect-eu.mimecast.com/s/", "xn--", "\u0000",
            "\uD800", "\uDC00", "ü", "。", "ｅ", "\\", "?", "#", "&", "=", "-", "_", "*", "!", "[::", "]", ".", "..", "0",
            "255.", "4294967296", "65536", "%2F", "%E2%82", "+", " ", "\t",
        };
        for (var i = 0; i < 20_000; i++)
        {
            var builder = new StringBuilder();
            var parts = random.Next(1, 12);
            for (var p = 0; p < parts; p++)
            {
                if (random.Next(3) == 0)
                    builder.Append((char)random.Next(0, 0x10000));
                else
                    builder.Append(seeds[random.Next(seeds.Length)]);
            }
            AssertResolvesOrSkips(builder.ToString());
        }
    }

    [Fact]
    public void Resolve_NeverThrows_WhenInputIsHuge()
    {
        AssertResolvesOrSkips("http://" + new string('a', 1_000_000) + ".com/");
        AssertResolvesOrSkips("http://example.com/" + new string('*', 1_000_000));
        AssertResolvesOrSkips("https://urldefense.com/v3/__https://x.com/" + string.Concat(Enumerable.Repeat("**_", 100_000)) + "__;AAAA!");
        AssertResolvesOrSkips("http://" + string.Join('.', Enumerable.Repeat("a", 100_000)) + "/");
        AssertResolvesOrSkips(new string('\t', 1_000_000));
        var nested = "https://evil.example.com/";
        for (var i = 0; i < 50; i++)
            nested = "https://www.google.com/url?q=" + Uri.EscapeDataString(nested);
        Assert.Equal(5, ResolveLink(nested).WrappedBy.Count);
    }

    private static void AssertResolvesOrSkips(string url)
    {
        var link = Resolve(url);
        if (link is { Kind: LinkKind.Web })
        {
            Assert.NotNull(link.Host);
            Assert.NotNull(link.RegistrableDomain);
            Assert.True(Uri.TryCreate(link.Target, UriKind.Absolute, out _), $"Target is not a valid URL: {link.Target[..Math.Min(200, link.Target.Length)]}");
        }
    }
}
