using System.Text.RegularExpressions;
using M365Scanner.Core.Links.Domains;

namespace M365Scanner.Core.Tests.Links.Domains;

public partial class PublicSuffixListTests
{
    private static readonly PublicSuffixList Psl = PublicSuffixList.Default;

    [GeneratedRegex(@"^checkPublicSuffix\((null|'[^']*'), (null|'[^']*')\);")]
    private static partial Regex CheckLine();

    /// <summary>The official checkPublicSuffix cases (TestData/test_psl.txt, same release as the embedded list).</summary>
    public static TheoryData<string?, string?> OfficialCases()
    {
        var data = new TheoryData<string?, string?>();
        var path = Path.Combine(AppContext.BaseDirectory, "Links", "Domains", "TestData", "test_psl.txt");
        foreach (var line in File.ReadLines(path))
        {
            var match = CheckLine().Match(line);
            if (match.Success)
                data.Add(Unquote(match.Groups[1].Value), Unquote(match.Groups[2].Value));
        }
        return data;
    }

    private static string? Unquote(string s) => s == "null" ? null : s[1..^1];

    [Theory]
    [MemberData(nameof(OfficialCases))]
    public void GetRegistrableDomain_MatchesOfficialTestCases(string? host, string? expected) =>
        Assert.Equal(expected, Psl.GetRegistrableDomain(host));

    [Fact]
    public void OfficialCases_AreAllLoaded() => Assert.True(OfficialCases().Count >= 70);

    [Theory]
    [InlineData("www.example.co.uk", "example.co.uk")]
    [InlineData("www.ck", "www.ck")] // exception rule !www.ck
    [InlineData("www.www.ck", "www.ck")]
    [InlineData("test.ck", null)] // wildcard *.ck: test.ck is itself a suffix
    [InlineData("b.test.ck", "b.test.ck")]
    [InlineData("city.kawasaki.jp", "city.kawasaki.jp")] // !city.kawasaki.jp beats *.kawasaki.jp
    [InlineData("foo.kawasaki.jp", null)]
    [InlineData("a.foo.kawasaki.jp", "a.foo.kawasaki.jp")]
    [InlineData("evil.github.io", "evil.github.io")] // private section counts
    [InlineData("github.io", null)]
    [InlineData("x.evil.blogspot.com", "evil.blogspot.com")]
    [InlineData("login.phish.azurewebsites.net", "phish.azurewebsites.net")]
    [InlineData("phish.web.core.windows.net", "phish.web.core.windows.net")] // a private suffix since the 2023 list
    [InlineData("xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn")] // 食狮.公司.cn in punycode
    [InlineData("www.xn--85x722f.xn--fiqs8s", "xn--85x722f.xn--fiqs8s")] // 食狮.中国
    [InlineData("example.com.", "example.com")] // trailing root dot
    [InlineData("localhost", null)]
    [InlineData("a..example.com", null)]
    [InlineData("", null)]
    public void GetRegistrableDomain_ReturnsExpected(string host, string? expected) =>
        Assert.Equal(expected, Psl.GetRegistrableDomain(host));

    [Theory]
    [InlineData("www.example.co.uk", "co.uk")]
    [InlineData("b.test.ck", "test.ck")]
    [InlineData("www.ck", "ck")]
    [InlineData("evil.github.io", "github.io")]
    [InlineData("foo.unlistedtld", "unlistedtld")] // implicit "*" rule
    [InlineData("WWW.Example.COM", "com")]
    [InlineData("食狮.公司.cn", "公司.cn")]
    [InlineData(".com", null)]
    public void GetPublicSuffix_ReturnsExpected(string host, string? expected) =>
        Assert.Equal(expected, Psl.GetPublicSuffix(host));

    [Fact]
    public void Parse_AppliesWildcardAndExceptionRules_WhenGivenCustomList()
    {
        var psl = PublicSuffixList.Parse("// comment\ncom\n*.test.com\n!keep.test.com extra words\n");
        Assert.Equal("a.b.test.com", psl.GetRegistrableDomain("x.a.b.test.com"));
        Assert.Equal("keep.test.com", psl.GetRegistrableDomain("www.keep.test.com"));
        Assert.Null(psl.GetRegistrableDomain("b.test.com"));
        Assert.Equal(3, psl.RuleCount);
    }

    [Fact]
    public void Default_LoadsTheEmbeddedList() => Assert.True(Psl.RuleCount > 9000);

    [Theory]
    [InlineData("com", true)]
    [InlineData("CO.UK", true)]
    [InlineData("github.io", true)]
    [InlineData("example", false)]
    [InlineData("smith", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsListed_IsTrueOnlyForRulesOfTheList(string? suffix, bool expected) =>
        Assert.Equal(expected, Psl.IsListed(suffix));
}
