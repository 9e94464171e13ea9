using System.Net;
using System.Text.RegularExpressions;
using System.Web;
using M365Scanner.HostileCorpus;

namespace M365Scanner.Core.Tests.Hostile;

/// <summary>The HTML items hide the link only behind what they claim (layers, hidden links, a comment): a reader
/// without limits finds it.</summary>
public partial class BodyItemTests
{
    private const int EightMiB = 8 * 1024 * 1024;

    [Fact]
    public void SafeLinksItem_WrapsTheLinkSixTimes()
    {
        var item = Corpus.Get("html-safelinks-6-layers");
        var url = WebUtility.HtmlDecode(Href().Match(item.ToMessage().HtmlBody!).Groups[1].Value);

        var layers = 0;
        for (; url.StartsWith("https://nam12.safelinks.protection.outlook.com/", StringComparison.Ordinal); layers++)
            url = HttpUtility.ParseQueryString(new Uri(url).Query)["url"]!;

        Assert.Equal(6, layers);
        Assert.Equal(item.MaliciousUrl, url);
    }

    [Fact]
    public void HiddenLinksItem_Has5000HiddenLinks_BeforeTheLink()
    {
        var item = Corpus.Get("html-hidden-links-5000");
        var html = item.ToMessage().HtmlBody!;

        var before = html[..html.IndexOf(item.MaliciousUrl, StringComparison.Ordinal)];
        Assert.Equal(5000, Href().Matches(before).Select(m => m.Groups[1].Value).Distinct().Count());
        Assert.Equal(5000, Regex.Count(before, "display:none"));
    }

    [Fact]
    public void CommentItem_HasAnEightMiBComment_BeforeTheLink_AfterTheMessageIsRead()
    {
        var item = Corpus.Get("html-comment-8mib");
        using var written = new MemoryStream();
        item.WriteTo(written);
        written.Position = 0;

        var html = MimeKit.MimeMessage.Load(written).HtmlBody!;

        var comment = html.IndexOf("<!--", StringComparison.Ordinal);
        var end = html.IndexOf("-->", StringComparison.Ordinal);
        Assert.True(end - comment > EightMiB, $"comment of {end - comment} chars");
        Assert.True(html.IndexOf(item.MaliciousUrl, StringComparison.Ordinal) > end);
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
