using M365Scanner.Core.Links.Normalization;
using M365Scanner.Core.Links.Unwrapping;

namespace M365Scanner.Core.Tests.Links.Unwrapping;

public class LinkUnwrapperTests
{
    private const string Destination = "https://evil.example.com/login?a=1&b=2";

    private static UnwrapResult Unwrap(string url, LinkUnwrapper? unwrapper = null) =>
        (unwrapper ?? LinkUnwrapper.Default).Unwrap(
            UrlNormalizer.Normalize(url) ?? throw new Xunit.Sdk.XunitException($"not a link: {url}"));

    private static void AssertUnwrapped(string url, string expectedTarget, params string[] wrappedBy)
    {
        var result = Unwrap(url);
        Assert.Equal(expectedTarget, result.Target.Target);
        Assert.Equal(wrappedBy, result.WrappedBy);
        Assert.False(result.IsOpaqueWrapper);
    }

    private static string SafeLinks(string inner) =>
        "https://nam12.safelinks.protection.outlook.com/?url=" + Uri.EscapeDataString(inner) +
        "&data=05%7C01%7Cuser%40contoso.com%7C1234%7C0&sdata=abc%3D&reserved=0";

    // Proofpoint v2: URL-encode, then '%' -> '-' and '/' -> '_'.
    private static string ProofpointV2(string inner) =>
        "https://urldefense.proofpoint.com/v2/url?u=" +
        Uri.EscapeDataString(inner).Replace("%2F", "/").Replace('%', '-').Replace('/', '_') +
        "&d=DwMFAg&c=euGZstcaTDllvimEN8b7jXrwqOf-v5A_CdpgnVfiiMM&r=abc&m=def&s=ghi&e=";

    [Fact]
    public void Unwrap_ReturnsTarget_WhenSafeLinksWrapped() =>
        AssertUnwrapped(SafeLinks(Destination), Destination, "safelinks");

    [Fact]
    public void Unwrap_ReturnsTarget_WhenSafeLinksGccHighWrapped() =>
        AssertUnwrapped("https://gcc02.safelinks.protection.office365.us/?url=" + Uri.EscapeDataString(Destination),
            Destination, "safelinks");

    [Fact]
    public void Unwrap_ReturnsTarget_WhenProofpointV1Wrapped() =>
        AssertUnwrapped("https://urldefense.proofpoint.com/v1/url?u=" + Uri.EscapeDataString(Destination) +
            "&k=abc%3D%0A&r=def", Destination, "proofpoint");

    [Fact]
    public void Unwrap_ReturnsTarget_WhenProofpointV2Wrapped()
    {
        Assert.StartsWith("https://urldefense.proofpoint.com/v2/url?u=https-3A__evil.example.com_login-3Fa-3D1-26b-3D2&",
            ProofpointV2(Destination));
        AssertUnwrapped(ProofpointV2(Destination), Destination, "proofpoint");
    }

    [Fact]
    public void Unwrap_ReturnsTarget_WhenProofpointV3WrappedWithOneReplacement() =>
        // The example from Proofpoint's decoder: '*' stands for '+' ("Kw" is base64url of "+").
        AssertUnwrapped(
            "https://urldefense.com/v3/__https://google.com:443/search?q=a*test&gs=ps__;Kw!-612Flbf0JvQ3kNJkRi5Jg!Ue6tQudNKaShHg93trcdjqDP8se2ySE65jyCIe2K1D_uNjZ1Lnf6YLQERujngZv9UWf66ujQIQ$",
            "https://google.com/search?q=a+test&gs=ps", "proofpoint");

    [Fact]
    public void DecodeV3_CountsRunsInBytes_WhenReplacementsAreMultiByte()
    {
        // "w6nigqzwnYSeIQ" is base64url of UTF-8 "é€𝄞!" (2 + 3 + 4 + 1 bytes): a run code counts bytes, so "**D"
        // (5 bytes) is "é€", "**C" (4 bytes) is "𝄞" and '*' is "!". (This test counted characters before; the
        // public vectors in ProofpointPublicVectorsTests show Proofpoint counts bytes.)
        var url = UrlNormalizer.Normalize("https://urldefense.com/v3/__https://example.com/p?x=**Dy&z=**C*__;w6nigqzwnYSeIQ!!sig$")!;
        Assert.Equal("https://example.com/p?x=é€y&z=𝄞!", ProofpointUrlDefense.DecodeV3(url));
    }

    [Fact]
    public void DecodeV3_TakesAWholeCharacter_WhenALoneStarStandsForAMultiByteOne() =>
        Assert.Equal("https://example.com/é",
            ProofpointUrlDefense.DecodeV3(UrlNormalizer.Normalize("https://urldefense.com/v3/__https://example.com/*__;w6k!!sig$")!));

    [Fact]
    public void Unwrap_RestoresDoubleSlash_WhenProofpointV3EmbeddedUrlHasOne() =>
        AssertUnwrapped("https://urldefense.com/v3/__https:/example.com/x__;!!sig$", "https://example.com/x", "proofpoint");

    [Theory]
    [InlineData("https://urldefense.com/v3/__https://example.com/a*b*c__;Kw!!sig$")] // more '*' than characters
    [InlineData("https://urldefense.com/v3/__https://example.com/a__;%%%!!sig$")] // not base64
    [InlineData("https://urldefense.com/v3/nothing-here")]
    [InlineData("https://urldefense.proofpoint.com/v2/url?d=only")]
    public void Unwrap_ReportsOpaque_WhenProofpointCannotBeDecoded(string url)
    {
        var result = Unwrap(url);
        Assert.True(result.IsOpaqueWrapper);
        Assert.Equal(["proofpoint"], result.WrappedBy);
        Assert.Equal(UrlNormalizer.Normalize(url)!.Target, result.Target.Target);
    }

    [Fact]
    public void Unwrap_ReturnsTarget_WhenBarracudaWrapped() =>
        AssertUnwrapped("https://linkprotect.cudasvc.com/url?a=" + Uri.EscapeDataString(Destination) + "&c=E,1,abc&typo=1",
            Destination, "barracuda");

    [Theory]
    [InlineData("https://protect-eu.mimecast.com/s/AbCdEfGhIjKl?domain=evil.example.com")]
    [InlineData("https://protect2.mimecast.com/s/0wSdCVON0gczLDq1tGaO_q/")]
    [InlineData("https://url.uk.m.mimecastprotect.com/s/AbCdEf")]
    public void Unwrap_ReportsOpaqueWrapper_WhenMimecastWrapped(string url)
    {
        var result = Unwrap(url);
        Assert.True(result.IsOpaqueWrapper);
        Assert.Equal(["mimecast"], result.WrappedBy);
        Assert.Equal(UrlNormalizer.Normalize(url)!.Target, result.Target.Target);
    }

    [Fact]
    public void Unwrap_RecordsOutermostFirst_WhenWrappersAreNested() =>
        AssertUnwrapped(SafeLinks(ProofpointV2("https://www.google.com/url?q=" + Uri.EscapeDataString(Destination))),
            Destination, "safelinks", "proofpoint", "google");

    [Fact]
    public void Unwrap_StopsAtOpaqueWrapper_WhenSafeLinksWrapsMimecast()
    {
        var result = Unwrap(SafeLinks("https://protect-us.mimecast.com/s/abc"));
        Assert.Equal(["safelinks", "mimecast"], result.WrappedBy);
        Assert.True(result.IsOpaqueWrapper);
        Assert.Equal("protect-us.mimecast.com", result.Target.Host);
    }

    [Fact]
    public void Unwrap_StopsAtMaxDepth_WhenWrappedTooDeep()
    {
        var url = Destination;
        for (var i = 0; i < 7; i++)
            url = SafeLinks(url);
        var result = Unwrap(url);
        Assert.Equal(LinkUnwrapper.DefaultMaxDepth, result.WrappedBy.Count);
        Assert.EndsWith(".safelinks.protection.outlook.com", result.Target.Host);
        // The destination is unknown: more layers than real mail has is a way to hide, not a wrapper to trust.
        Assert.True(result.IsOpaqueWrapper);
        Assert.True(result.IsTooDeep);
    }

    [Fact]
    public void Unwrap_ReachesDestination_WhenWrappedExactlyMaxDepthTimes()
    {
        var url = Destination;
        for (var i = 0; i < LinkUnwrapper.DefaultMaxDepth; i++)
            url = SafeLinks(url);
        var result = Unwrap(url);
        Assert.Equal(LinkUnwrapper.DefaultMaxDepth, result.WrappedBy.Count);
        Assert.False(result.IsTooDeep);
        Assert.False(result.IsOpaqueWrapper);
    }

    [Theory]
    [InlineData("https://www.google.com/url?sa=t&url=https%3A%2F%2Fevil.example.com%2Fx", "https://evil.example.com/x", "google")]
    [InlineData("https://l.facebook.com/l.php?u=https%3A%2F%2Fevil.example.com%2Fx&h=AT0", "https://evil.example.com/x", "facebook")]
    [InlineData("https://www.youtube.com/redirect?event=video_description&q=http%3A%2F%2Fevil.example.com", "http://evil.example.com/", "youtube")]
    [InlineData("https://slack-redir.net/link?url=https%3A%2F%2Fevil.example.com%2F", "https://evil.example.com/", "slack")]
    public void Unwrap_ReturnsTarget_WhenOpenRedirectorWrapped(string url, string target, string name) =>
        AssertUnwrapped(url, target, name);

    [Theory]
    [InlineData("https://www.google.com/url?q=just+words")]
    [InlineData("https://www.google.com/url?q=javascript:alert(1)")]
    [InlineData("https://www.google.com/search?q=https://evil.example.com/")]
    [InlineData("https://l.facebook.com/l.php?u=www.evil.example.com")]
    public void Unwrap_LeavesRedirectorAlone_WhenParameterIsNotAbsoluteHttpUrl(string url)
    {
        var result = Unwrap(url);
        Assert.Empty(result.WrappedBy);
        Assert.False(result.IsOpaqueWrapper);
        Assert.Equal(UrlNormalizer.Normalize(url)!.Target, result.Target.Target);
    }

    [Fact]
    public void Unwrap_ReportsOpaque_WhenSafeLinksHasNoUrl()
    {
        var result = Unwrap("https://eur01.safelinks.protection.outlook.com/?data=abc");
        Assert.True(result.IsOpaqueWrapper);
        Assert.Equal(["safelinks"], result.WrappedBy);
    }

    [Fact]
    public void Unwrap_ReturnsInput_WhenNotWrapped() => AssertUnwrapped(Destination, Destination);
}
