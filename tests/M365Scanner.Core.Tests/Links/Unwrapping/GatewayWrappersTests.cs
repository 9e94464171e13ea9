using System.Text;
using M365Scanner.Core.Links.Normalization;
using M365Scanner.Core.Links.Unwrapping;

namespace M365Scanner.Core.Tests.Links.Unwrapping;

/// <summary>Our own vectors for the wrappers without a public test set: built from each format's description.</summary>
public class GatewayWrappersTests
{
    private const string Destination = "https://evil.example.com/login?a=1&b=2";

    private static UnwrapResult Unwrap(string url) => LinkUnwrapper.Default.Unwrap(UrlNormalizer.Normalize(url)!);

    private static string Base64(string text, bool url = false)
    {
        var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        return url ? b64.TrimEnd('=').Replace('+', '-').Replace('/', '_') : b64;
    }

    private static void AssertUnwrapped(string url, string target, string wrapper)
    {
        var result = Unwrap(url);
        Assert.False(result.IsOpaqueWrapper);
        Assert.Equal([wrapper], result.WrappedBy);
        Assert.Equal(UrlNormalizer.Normalize(target)!.Target, result.Target.Target);
    }

    private static void AssertOpaque(string url, string wrapper)
    {
        var result = Unwrap(url);
        Assert.True(result.IsOpaqueWrapper);
        Assert.Equal([wrapper], result.WrappedBy);
    }

    [Theory]
    [InlineData("https://nam12.safelinks.protection.outlook.com/")]
    [InlineData("https://gcc02.safelinks.protection.outlook.com/")]
    [InlineData("https://gcc02.safelinks.protection.office365.us/")]
    [InlineData("https://dod01.safelinks.protection.apps.mil/")]
    [InlineData("https://can01.safelinks.protection.partner.outlook.cn/")]
    [InlineData("https://statics.teams.cdn.office.net/evergreen-assets/safelinks/1/atp-safelinks.html")]
    public void Unwrap_ReturnsTarget_WhenSafeLinksOfAnyCloud(string prefix) =>
        AssertUnwrapped(prefix + "?url=" + Uri.EscapeDataString(Destination) + "&data=05%7C01&reserved=0", Destination, "safelinks");

    [Fact]
    public void Unwrap_ReturnsTarget_WhenProofpointOnUrldefenseUs() =>
        AssertUnwrapped("https://urldefense.us/v3/__https://evil.example.com/x__;!!sig$", "https://evil.example.com/x", "proofpoint");

    [Fact]
    public void Unwrap_ReturnsTarget_WhenGoogleAmpViewer()
    {
        AssertUnwrapped("https://www.google.com/amp/s/evil.example.com/amp/page.html?x=1", "https://evil.example.com/amp/page.html?x=1", "google-amp");
        AssertUnwrapped("https://www.google.com/amp/evil.example.com/p", "http://evil.example.com/p", "google-amp");
    }

    [Theory]
    [InlineData("https://www.google.com/amp/")]
    [InlineData("https://www.google.com/amp/s/nodot/x")]
    [InlineData("https://www.google.com/amp/s/user@evil.example.com/x")]
    public void Unwrap_LeavesGoogleAlone_WhenAmpPathNamesNoHost(string url) => Assert.Empty(Unwrap(url).WrappedBy);

    [Fact]
    public void Unwrap_ReturnsTarget_WhenBingClickRedirect() =>
        AssertUnwrapped("https://www.bing.com/ck/a?!&&p=4c10JmltdHM9MTc2&ptn=3&ver=2&hsh=4&u=a1" + Base64(Destination, url: true) + "&ntb=1",
            Destination, "bing");

    [Theory]
    [InlineData("https://www.bing.com/ck/a?u=b1aHR0cHM6Ly9ldmlsLmV4YW1wbGUuY29tLw&ntb=1")] // unknown encoding prefix
    [InlineData("https://www.bing.com/ck/a?u=a1!!!notbase64&ntb=1")]
    [InlineData("https://www.bing.com/ck/a?u=a1amF2YXNjcmlwdDphbGVydCgxKQ&ntb=1")] // "javascript:alert(1)"
    [InlineData("https://www.bing.com/search?q=x&u=a1aHR0cHM6Ly9ldmlsLmV4YW1wbGUuY29tLw")]
    public void Unwrap_LeavesBingAlone_WhenNoHttpUrlIsCarried(string url) => Assert.Empty(Unwrap(url).WrappedBy);

    [Fact]
    public void Unwrap_ReturnsTarget_WhenSophosWrapped() =>
        AssertUnwrapped("https://eu-west-1.protection.sophos.com/?d=example.com&u=" + Uri.EscapeDataString(Base64(Destination)) + "&i=NWY&t=abc&h=def&s=",
            Destination, "sophos");

    [Theory]
    [InlineData("https://us-west-2.protection.sophos.com/?d=evil.example.com&i=NWY&t=abc")] // only the domain
    [InlineData("https://us-west-2.protection.sophos.com/?u=%%%&d=evil.example.com")]
    public void Unwrap_ReportsOpaque_WhenSophosCarriesNoUrl(string url) => AssertOpaque(url, "sophos");

    [Fact]
    public void Unwrap_ReturnsTarget_WhenCiscoSecureEmailWrapped() =>
        AssertUnwrapped("https://secure-web.cisco.com/1a2B3c4D5e6F7g8H9i0J/" + Uri.EscapeDataString(Destination), Destination, "cisco");

    [Theory]
    [InlineData("https://secure-web.cisco.com/1a2B3c4D5e6F7g8H9i0J")]
    [InlineData("https://secure-web.cisco.com/1a2B3c4D5e6F7g8H9i0J/not-a-url")]
    public void Unwrap_ReportsOpaque_WhenCiscoCarriesNoUrl(string url) => AssertOpaque(url, "cisco");

    [Fact]
    public void Unwrap_ReportsOpaque_WhenTrendMicroHasNoUrl() =>
        AssertOpaque("https://imsva91-ctp.trendmicro.com/wis/clicktime/v1/query?umid=abc&auth=def", "trendmicro");

    [Fact]
    public void Unwrap_LeavesTrendMicroSiteAlone_WhenNotTheClickTimePath() =>
        Assert.Empty(Unwrap("https://www.trendmicro.com/en_us/business.html?url=https%3A%2F%2Fevil.example.com").WrappedBy);
}
