using M365Scanner.Core.Mail;
using M365Scanner.Core.Remediation;
using static M365Scanner.Core.Tests.Remediation.RemediationTestSupport;

namespace M365Scanner.Core.Tests.Remediation;

public class LinkRewriterHtmlTests
{
    private const string BlockedEscaped = "https://blocked.m365scanner.test/l?t=abc&amp;u=1";

    [Fact]
    public void Rewrite_ReplacesHrefAndVisibleText_WhenUrlIsEscapedAndWrittenTwice()
    {
        const string html =
            "<html><body>\r\n" +
            "<p>Pay: <a href=\"https://evil.example/pay?a=1&amp;b=2\">https://evil.example/pay?a=1&amp;b=2</a></p>\n" +
            "<p>Again <a class=x href='https://evil.example/pay?a=1&#38;b=2' >click</a> or https://evil.example/pay?a=1&amp;b=2.</p>\n" +
            "<p><a href=\"https://good.example/?a=1&amp;b=2\">https://good.example/</a></p>\n" +
            "</body></html>";

        var result = RewriteUrls(Html(html), "https://evil.example/pay?a=1&b=2");

        Assert.Empty(result.NotRewritten);
        Assert.Equal(
            "<html><body>\r\n" +
            $"<p>Pay: <a href=\"{BlockedEscaped}\">{BlockedEscaped}</a></p>\n" +
            $"<p>Again <a class=x href='{BlockedEscaped}' >click</a> or {BlockedEscaped}.</p>\n" +
            "<p><a href=\"https://good.example/?a=1&amp;b=2\">https://good.example/</a></p>\n" +
            "</body></html>",
            result.HtmlBody);
        Assert.Null(result.TextBody);
        Assert.Empty(result.Attachments);
    }

    // The extractor and the rewriter read HTML with one tokenizer (HtmlScanner); when they read with two, an href
    // written where the two disagree ("&;" kept by the standard, dropped by AngleSharp; a reference number past
    // U+10FFFF) was found but not rewritten.
    [Theory]
    [InlineData("https://evil.example/a?x=1&;y=2")]
    [InlineData("https://evil.example/&#x110000000041;")]
    public void Rewrite_ReplacesEveryHrefTheExtractorFound_HoweverItIsWritten(string written)
    {
        var message = Html($"<p><a href=\"{written}\">Open</a></p>");
        var links = Extractor.Extract(message).Links;
        var link = Assert.Single(links);

        var result = Rewriter.Rewrite(message, links, _ => Blocked);

        Assert.Empty(result.NotRewritten);
        Assert.Equal($"<p><a href=\"{BlockedEscaped}\">Open</a></p>", result.HtmlBody);
        Assert.DoesNotContain(Extractor.Extract(Apply(message, result)).Links, l => l.Url == link.Url);
    }

    [Fact]
    public void Rewrite_ChangesOnlyTheUrlOccurrences_InTheRawHtml()
    {
        const string evil = "https://evil.example/login?next=/home&amp;id=7";
        var html =
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Invoice</title>\n" +
            "<style>a { color: #00f }</style></head>\n" +
            "<body style=\"font-family: Arial\">  <table><tr><td>Dear customer,</td></tr>\n" +
            $"<tr><td><a   HREF = {evil.Replace("&amp;", "&")} target=_blank>Open</a> &nbsp; ({evil})</td></tr></table>\n" +
            "<!-- https://evil.example/login?next=/home&id=7 in a comment stays -->\n" +
            $"<img src=\"https://good.example/logo.png\" alt=\"logo\"><div title=\"{evil}\">x</div>\n" +
            "</body></html>";

        var result = RewriteUrls(Html(html), "https://evil.example/login?next=/home&id=7");

        Assert.Empty(result.NotRewritten);
        // Where the URL is written in the original, found independently of the rewriter.
        var occurrences = new List<(int Start, int Length)>();
        foreach (var form in new[] { evil.Replace("&amp;", "&") + " ", "(" + evil + ")", "\"" + evil + "\"" })
        {
            var at = html.IndexOf(form, StringComparison.Ordinal);
            Assert.True(at >= 0, form);
            var inner = form.Trim(' ', '(', ')', '"');
            occurrences.Add((at + form.IndexOf(inner, StringComparison.Ordinal), inner.Length));
        }
        AssertOnlyChanged(html, result.HtmlBody!, occurrences.OrderBy(o => o.Start).ToList(), BlockedEscaped);
    }

    [Fact]
    public void Rewrite_LeavesLongerUrlAlone_WhenOffendingUrlIsItsPrefix()
    {
        const string html = "<a href=\"https://evil.example/a\">one</a> <a href=\"https://evil.example/a/b\">two</a> " +
                            "https://evil.example/a/b https://evil.example/a, https://evil.example/a.b";

        var result = RewriteUrls(Html(html), "https://evil.example/a");

        Assert.Empty(result.NotRewritten);
        Assert.Equal($"<a href=\"{BlockedEscaped}\">one</a> <a href=\"https://evil.example/a/b\">two</a> " +
                     $"https://evil.example/a/b {BlockedEscaped}, https://evil.example/a.b", result.HtmlBody);
    }

    [Fact]
    public void Rewrite_ReplacesRelativeHref_WhenBaseHrefMakesItTheOffendingUrl()
    {
        const string html = "<head><base href=\"https://evil.example/kit/\"></head><a href=\"login.php?u=1\">Sign in</a>" +
                            "<a href=\"https://good.example/\">ok</a>";

        var result = RewriteUrls(Html(html), "https://evil.example/kit/login.php?u=1");

        Assert.Empty(result.NotRewritten);
        Assert.Equal($"<head><base href=\"https://evil.example/kit/\"></head><a href=\"{BlockedEscaped}\">Sign in</a>" +
                     "<a href=\"https://good.example/\">ok</a>", result.HtmlBody);
    }

    [Fact]
    public void Rewrite_ReplacesMetaRefreshAndFormAction()
    {
        const string html = "<meta http-equiv=\"refresh\" content=\"5; url=https://evil.example/r\">" +
                            "<form action=\"https://evil.example/r\" method=post><input name=p></form>";

        var result = RewriteUrls(Html(html), "https://evil.example/r");

        Assert.Empty(result.NotRewritten);
        Assert.Equal($"<meta http-equiv=\"refresh\" content=\"5; url={BlockedEscaped}\">" +
                     $"<form action=\"{BlockedEscaped}\" method=post><input name=p></form>", result.HtmlBody);
    }

    [Fact]
    public void Rewrite_DoesNotTreatMarkupInScriptAsTags()
    {
        const string html = "<script>var s = '<a href=\"https://evil.example/s\">';</script><a href=\"https://evil.example/s\">x</a>";

        var result = RewriteUrls(Html(html), "https://evil.example/s");

        Assert.Empty(result.NotRewritten);
        Assert.Equal($"<script>var s = '<a href=\"{BlockedEscaped}\">';</script><a href=\"{BlockedEscaped}\">x</a>", result.HtmlBody);
    }

    [Fact]
    public void Rewrite_ReplacesUrlInTextBody_ExactMatchesOnly()
    {
        var message = new EmailMessage
        {
            TextBody = "Go to https://evil.example/x. Not https://evil.example/x/y or https://evil.example/xy\r\n" +
                       "(https://evil.example/x) and <https://evil.example/x>\r\nhttps://good.example/",
        };

        var result = RewriteUrls(message, "https://evil.example/x");

        Assert.Empty(result.NotRewritten);
        Assert.Null(result.HtmlBody);
        Assert.Equal($"Go to {Blocked}. Not https://evil.example/x/y or https://evil.example/xy\r\n" +
                     $"({Blocked}) and <{Blocked}>\r\nhttps://good.example/", result.TextBody);
    }

    [Fact]
    public void Rewrite_RewritesBothBodies_ForABodyLink()
    {
        var message = new EmailMessage
        {
            HtmlBody = "<a href=\"https://evil.example/\">here</a>",
            TextBody = "here: https://evil.example/",
        };

        var result = RewriteUrls(message, "https://evil.example/");

        Assert.Empty(result.NotRewritten);
        Assert.Equal($"<a href=\"{BlockedEscaped}\">here</a>", result.HtmlBody);
        Assert.Equal($"here: {Blocked}", result.TextBody);
    }

    [Fact]
    public void Rewrite_ReplacesOnlyThatAttachmentsBytes_ForAnHtmlAttachment()
    {
        const string page = "<html><body>\u00e9t\u00e9 <form action=\"https://evil.example/steal\"><input type=password></form></body></html>";
        var message = new EmailMessage
        {
            HtmlBody = "<p>See attached</p>",
            Attachments = [TextAttachment("notes.txt", "text/plain", "nothing here"), TextAttachment("login.html", "text/html", page)],
        };

        var result = RewriteUrls(message, "https://evil.example/steal");

        Assert.Empty(result.NotRewritten);
        Assert.Null(result.HtmlBody);
        var rewritten = Assert.Single(result.Attachments);
        Assert.Equal(1, rewritten.Index);
        Assert.Equal(page.Replace("https://evil.example/steal", BlockedEscaped),
            System.Text.Encoding.UTF8.GetString(rewritten.Content.Span));
    }

    // The rewritten text must be the original with exactly these ranges replaced by the replacement, in order.
    private static void AssertOnlyChanged(string original, string rewritten, List<(int Start, int Length)> ranges, string replacement)
    {
        var at = 0;
        var position = 0;
        foreach (var (start, length) in ranges)
        {
            var unchanged = original.AsSpan(at, start - at);
            Assert.True(rewritten.AsSpan(position).StartsWith(unchanged), $"bytes before offset {start} changed");
            position += unchanged.Length;
            Assert.True(rewritten.AsSpan(position).StartsWith(replacement), $"offset {start} does not hold the replacement");
            position += replacement.Length;
            at = start + length;
        }
        Assert.Equal(original[at..], rewritten[position..]);
    }
}
