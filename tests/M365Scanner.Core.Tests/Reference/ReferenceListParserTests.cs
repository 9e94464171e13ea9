using M365Scanner.Core.Reference;

namespace M365Scanner.Core.Tests.Reference;

public class ReferenceListParserTests
{
    [Fact]
    public void Parse_ReturnsNothing_WhenTextIsEmpty()
    {
        var (entries, malformed) = ReferenceListParser.Parse(ReferenceListFormat.Lines, "");
        Assert.Empty(entries);
        Assert.Equal(0, malformed);
    }

    [Fact]
    public void Parse_SkipsBlankAndCommentLines_AndLowersCase()
    {
        var (entries, malformed) = ReferenceListParser.Parse(ReferenceListFormat.Lines, "# why\n\n   \nBit.LY\r\n  tinyurl.com  \n*.weebly.com\n");
        Assert.Equal(["bit.ly", "tinyurl.com", "*.weebly.com"], entries);
        Assert.Equal(0, malformed);
    }

    [Theory]
    [InlineData("two words.com")]
    [InlineData("<script>")]
    [InlineData("a,b")]
    [InlineData("bell\u0007.com")]
    public void Parse_CountsAndSkipsMalformedLines(string line)
    {
        var (entries, malformed) = ReferenceListParser.Parse(ReferenceListFormat.Lines, $"ok.example\n{line}\nfine.example\n");
        Assert.Equal(["ok.example", "fine.example"], entries);
        Assert.Equal(1, malformed);
    }

    [Fact]
    public void Parse_SkipsAnEntryLongerThanADomainName()
    {
        var (entries, malformed) = ReferenceListParser.Parse(ReferenceListFormat.Lines, new string('a', 300) + "\nok.example");
        Assert.Equal(["ok.example"], entries);
        Assert.Equal(1, malformed);
    }

    [Fact]
    public void Parse_KeepsFirstOfDuplicates() =>
        Assert.Equal(["a.example", "b.example"], ReferenceListParser.Parse(ReferenceListFormat.Lines, "a.example\nb.example\nA.example").Entries);

    [Fact]
    public void Parse_ReadsRanksInFileOrder_AndSkipsMalformedRows()
    {
        var (entries, malformed) = ReferenceListParser.Parse(ReferenceListFormat.Ranks,
            "1,google.com\n2,Example.ORG\nthree,bad.example\n4,\n0,zero.example\n5,no-dot\n6,a.example,extra\n7,ok.example\n");
        Assert.Equal(["google.com", "example.org", "ok.example"], entries);
        Assert.Equal(5, malformed);
    }

    [Fact]
    public void Parse_ReadsPublicSuffixRules_WithoutCommentsAndTrailingWords()
    {
        var (entries, malformed) = ReferenceListParser.Parse(ReferenceListFormat.PublicSuffixes,
            "// ===BEGIN ICANN DOMAINS===\ncom\n*.ck\n!www.ck extra words\n\n");
        Assert.Equal(["com", "*.ck", "!www.ck"], entries);
        Assert.Equal(0, malformed);
    }
}
