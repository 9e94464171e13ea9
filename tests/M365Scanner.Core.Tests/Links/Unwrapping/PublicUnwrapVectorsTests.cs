using M365Scanner.Core.Links.Normalization;
using M365Scanner.Core.Links.Unwrapping;

namespace M365Scanner.Core.Tests.Links.Unwrapping;

/// <summary>
/// Unwrapping checked against vectors written by others, each with its source. An expected URL is compared after
/// our normalisation (the same as every link gets), so "%5E" and "^", or an omitted default port, compare equal.
/// </summary>
public class PublicUnwrapVectorsTests
{
    private static void AssertUnwraps(string wrapped, string expected, string wrapper)
    {
        var result = LinkUnwrapper.Default.Unwrap(UrlNormalizer.Normalize(wrapped) ?? throw new Xunit.Sdk.XunitException($"not a link: {wrapped}"));
        Assert.False(result.IsOpaqueWrapper, $"{wrapped} stayed wrapped");
        Assert.Equal(wrapper, result.WrappedBy[0]);
        Assert.Equal(UrlNormalizer.Normalize(expected)!.Target, result.Target.Target);
    }

    // Calvin Ardi, cardi/proofpoint-url-decoder, decode_test.py (CC0 1.0), TestDecodeV2Methods / TestDecodeV3Methods /
    // TestSequenceUTF8: every vector whose expected value is a URL (test_empty and test_incomplete_url_v3 expect no
    // URL). The complex cases expect cardi's "unquoted" output, which normalises to the same URL.
    public static TheoryData<string, string> CardiVectors() => new()
    {
        { "https://urldefense.com/v2/url?u=https-3A__www.example.com&d=&c=&r=&m=&s=&e=", "https://www.example.com" },
        { "https://urldefense.com/v2/url?u=https-3A__www.example.com_-23-23-23-23-23foobar&d=&c=&r=&m=&s=&e=", "https://www.example.com/#####foobar" },
        { "https://urldefense.com/v2/url?u=https-3A__www.example.com_-40-40-21-40foobar&d=&c=&r=&m=&s=&e=", "https://www.example.com/@@!@foobar" },
        { "https://urldefense.com/v3/__http://www.example.com__;!!foo!bar$", "http://www.example.com" },
        { "https://urldefense.com/v3/__https://example.com/*newsletter__;Iw!!foo!bar$", "https://example.com/#newsletter" },
        { "https://urldefense.com/v3/__http://example.com/?=a1!b2@c3*d4$5e*6*5E7&8*9(10*7C*5C**B7D*7B__;IyUlKiUlW10lJQ!!foo!bar$", "http://example.com/?=a1!b2@c3#d4$5e%6%5E7&8*9(10%7C%5C[]%7D%7B" },
        { "https://urldefense.com/v3/__http://example.com/?=a1!b2@c3*d4$5e*6*5E7&8*9(10)-=_*__;IyUlKis!!foo!bar$", "http://example.com/?=a1!b2@c3#d4$5e%6%5E7&8*9(10)-=_+" },
        { "https://urldefense.com/v3/__http://example.com/?=*7B*7D**Aa1!b2@c3**D__;JSVbXSMjIyMj!!foo!bar$", "http://example.com/?=%7B%7D[]a1!b2@c3#####" },
        { "https://urldefense.com/v3/__http://example.com/?=*22'*7B*7D**Aa1!b2@c3**D'*22__;JSUlW10jIyMjIyU!!foo!bar$", "http://example.com/?=%22'%7B%7D[]a1!b2@c3#####'%22" },
        { "https://urldefense.com/v3/__http://www.example.com/**_test__;IyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyM!!foo!bar$", "http://www.example.com/" + new string('#', 65) + "test" },
        { "https://urldefense.com/v3/__http://www.example.com/**_*test__;IyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMj!!foo!bar$", "http://www.example.com/" + new string('#', 66) + "test" },
        { "https://urldefense.com/v3/__http://www.example.com/**_**Atest__;IyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIw!!foo!bar$", "http://www.example.com/" + new string('#', 67) + "test" },
        { "https://urldefense.com/v3/__http://www.example.com/**_**Btest__;IyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyM!!foo!bar$", "http://www.example.com/" + new string('#', 68) + "test" },
        { "https://urldefense.com/v3/__http://www.example.com/**_**_test__;IyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIw!!foo!bar$", "http://www.example.com/" + new string('#', 130) + "test" },
        { "https://urldefense.com/v3/__http://www.example.com/**_**_*test__;IyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyM!!foo!bar$", "http://www.example.com/" + new string('#', 131) + "test" },
        { "https://urldefense.com/v3/__http://www.example.com/**Aa*.html__;w60j!!foo!bar$", "http://www.example.com/ía#.html" },
        { "https://urldefense.com/v3/__http://www.example.com/**Aa*a*.html__;w60jIw!!foo!bar$", "http://www.example.com/ía#a#.html" },
        { "https://urldefense.com/v3/__http://www.example.com/**B.html__;w60j!!foo!bar$", "http://www.example.com/í#.html" },
        { "https://urldefense.com/v3/__http://www.example.com/**C.html__;w60jIw!!foo!bar$", "http://www.example.com/í##.html" },
        { "https://urldefense.com/v3/__http://www.example.com/**D.html__;w60jIyM!!foo!bar$", "http://www.example.com/í###.html" },
        { "https://urldefense.com/v3/__http://www.example.com/**E.html__;w60jIyMj!!foo!bar$", "http://www.example.com/í####.html" },
        { "https://urldefense.com/v3/__http://www.example.com/**F.html__;w60jIyMjIw!!foo!bar$", "http://www.example.com/í#####.html" },
        { "https://urldefense.com/v3/__http://www.example.com/**_**5.html__;w6DDqMOsw7LDucOAw4jDjMOSw5nDocOpw63Ds8O6w73DgcOJw43Dk8Oaw53DosOqw67DtMO7w4LDisOOw5TDm8Ojw7HDtcODw5HDlcOkw6vDr8O2w7zDv8OEw4vDj8OWw5zFuMOlw4XDpsOGxZPFksOnw4fDsMOQw7jDmA!!foo!bar$", "http://www.example.com/àèìòùÀÈÌÒÙáéíóúýÁÉÍÓÚÝâêîôûÂÊÎÔÛãñõÃÑÕäëïöüÿÄËÏÖÜŸåÅæÆœŒçÇðÐøØ.html" },
        { "https://urldefense.com/v3/__http://www.example.com/" + string.Concat(Enumerable.Repeat("**Aa", 59)) + "**Ca**Aa.html__;w6DDqMOsw7LDucOAw4jDjMOSw5nDocOpw63Ds8O6w73DgcOJw43Dk8Oaw53DosOqw67DtMO7w4LDisOOw5TDm8Ojw7HDtcODw5HDlcOkw6vDr8O2w7zDv8OEw4vDj8OWw5zFuMOlw4XDpsOGxZPFksOnw4fDsMOQw7jDmA!!foo!bar$", "http://www.example.com/àaèaìaòaùaÀaÈaÌaÒaÙaáaéaíaóaúaýaÁaÉaÍaÓaÚaÝaâaêaîaôaûaÂaÊaÎaÔaÛaãañaõaÃaÑaÕaäaëaïaöaüaÿaÄaËaÏaÖaÜaŸaåaÅaæaÆaœaŒaçaÇaðaÐøaØa.html" },
        { "https://urldefense.com/v3/__http://www.example.com/**E.html__;5L2g5aW9!!foo!bar$", "http://www.example.com/你好.html" },
    };

    [Theory]
    [MemberData(nameof(CardiVectors))]
    public void Unwrap_DecodesCardiProofpointVector(string wrapped, string expected) => AssertUnwraps(wrapped, expected, "proofpoint");

    // Proofpoint's URL Decoder API documentation (help.proofpoint.com/Threat_Insight_Dashboard/API_Documentation/
    // URL_Decoder_API), as quoted in binref/refinery, test/units/pattern/test_urlguards.py (test_proofpoint_from_docs).
    // The documentation writes "&amp;" between parameters (HTML); an href reaches the unwrapper entity-decoded.
    [Theory]
    [InlineData("https://urldefense.proofpoint.com/v2/url?u=https-3A__media.mnn.com_assets_images_2016_06_jupiter-2Dnasa.jpg.638x0-5Fq80-5Fcrop-2Dsmart.jpg&d=DwMBaQ&c=Vxt5e0Osvvt2gflwSlsJ5DmPGcPvTRKLJyp031rXjhg&r=BTD8MPjq1qSLi0tGKaB5H6aCJZZBjwYkLyorZdRQrnY&m=iKjixvaJuqvmReS78AB0JiActTrR_liSq7lDRjEQ9DE&s=-M8Vz-GV-kqkNVf1BAtv38DdudAHVDAI6_jQQLVmleE&e=",
        "https://media.mnn.com/assets/images/2016/06/jupiter-nasa.jpg.638x0_q80_crop-smart.jpg")]
    [InlineData("https://urldefense.proofpoint.com/v1/url?u=http://www.bouncycastle.org/&k=oIvRg1%2BdGAgOoM1BIlLLqw%3D%3D%0A&r=IKM5u8%2B%2F%2Fi8EBhWOS%2BqGbTqCC%2BrMqWI%2FVfEAEsQO%2F0Y%3D%0A&m=Ww6iaHO73mDQpPQwOwfLfN8WMapqHyvtu8jM8SjqmVQ%3D%0A&s=d3583cfa53dade97025bc6274c6c8951dc29fe0f38830cf8e5a447723b9f1c9a",
        "http://www.bouncycastle.org/")]
    [InlineData("https://urldefense.com/v3/__https://google.com:443/search?q=a*test&gs=ps__;Kw!-612Flbf0JvQ3kNJkRi5Jg!Ue6tQudNKaShHg93trcdjqDP8se2ySE65jyCIe2K1D_uNjZ1Lnf6YLQERujngZv9UWf66ujQIQ$",
        "https://google.com:443/search?q=a+test&gs=ps")]
    [InlineData("https://urldefense.proofpoint.com/v2/url?u=http-3A__flug.de&d=QvLrbZ&c=9bHxBirl7V2BSNQqRIlZm7QPNwtLyu7ZHB91-N5hDPk&r=8uoIV2slkgrz5DYvEV5xGmj5ibGk65FDGf7CywSLVkR&m=FhF882hCZdp8vB-uZdWzjR9Za-O_BkusWxxYolPiSCO&s=p8sGWK1qfzyeqyRjPjq1mrcScK4yzSdLsS24vqqfbGY&e=",
        "http://flug.de")] // refinery's test_proofpoint
    public void Unwrap_DecodesProofpointDocumentedExample(string wrapped, string expected) => AssertUnwraps(wrapped, expected, "proofpoint");

    // binref/refinery, test/units/pattern/test_urlguards.py (test_outlook): a real Safe Links rewrite.
    [Fact]
    public void Unwrap_DecodesSafeLinksExample() =>
        AssertUnwraps("https://apac01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.dropbox.com%2Fl%2FMsV4FlOqB46esYrRR4h37fZuRXl4lHkkB93%2Freport_abuse&data=02%7C01%7Ctim.kelsey%40digitalhealth.gov.au%7C31d152ee19d64a3b53a908d6b7dc42a2%7C49c6971ed0164e1ab04195533ede53a1%7C0%7C1%7C636898553972831008&sdata=MYXFcUyJ5Sxfo31AJJu3%2FdebHsiYaE46n%2B6wF%2BwKvQw%3D&reserved=0",
            "https://www.dropbox.com/l/MsV4FlOqB46esYrRR4h37fZuRXl4lHkkB93/report_abuse", "safelinks");

    // binref/refinery, test/units/pattern/test_urlguards.py (test_multiple): Trend Micro around Safe Links, and alone.
    [Theory]
    [InlineData("https://ctp.trendmicro.com/wis/clicktime/v2/clickthrough?url=https%3A%2F%2Femea01.safelinks.protection.outlook.com%2F%3Furl%3Dhttps%253A%252F%252Fearlyyears.register-me.uk%252F%26data%3D02%257C01%257C%257Ca33fd5f06d894aa2440608d688424db3%257Ca708279dde884b62956085a6be8c08cc%257C0%257C0%257C636846215676444342%26sdata%3DFT9IDMzDty7e%252BHKSV4cKQCci8aXVAM8b7P9FTae4n6o%253D%26reserved%3D0&uuid=2dd83146-2964-11e9-913a-02f49198539e&auth=31bbc6a83b73e178539aa463ed38c9bab679818c-b4a3fff82d5c0bbc06a9f06593ed41a47737ef34",
        "https://earlyyears.register-me.uk/")]
    [InlineData("https://ctp.trendmicro.com/wis/clicktime/v2/clickthrough?url=http%3A%2F%2Fb2bnetwork-online.com%2Fr%2FwISqFfT4067ms210.html&uuid=7c9f1b02-85a7-11e8-9466-0a5a4136c366&auth=2dc9e1234ac4d7d7fe90b44830cb6a6ab54f5623-38190d35acc1780880f39ebca32c99369e78122e",
        "http://b2bnetwork-online.com/r/wISqFfT4067ms210.html")]
    public void Unwrap_DecodesTrendMicroExample(string wrapped, string expected) => AssertUnwraps(wrapped, expected, "trendmicro");
}
