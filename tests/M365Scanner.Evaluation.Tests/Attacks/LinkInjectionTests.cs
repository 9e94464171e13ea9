using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Evaluation.Attacks;

namespace M365Scanner.Evaluation.Tests.Attacks;

public class LinkInjectionTests
{
    private const string Url = "https://evil.example/login?a=1&b=2";

    [Fact]
    public void IntoText_InsertsSentenceAfterFirstParagraph()
    {
        var text = LinkInjection.IntoText("Hi Phillip,\n\nThe curve is attached.\n\nThanks,\nHeather", Url);
        Assert.Equal($"Hi Phillip,\n\n{LinkInjection.Lead}{Url}\n\nThe curve is attached.\n\nThanks,\nHeather", text);
    }

    [Fact]
    public void IntoText_SkipsLeadingBlankLines_WhenLookingForTheFirstParagraph()
    {
        var text = LinkInjection.IntoText("\n\nFirst.\n\nSecond.", Url);
        Assert.Equal($"\n\nFirst.\n\n{LinkInjection.Lead}{Url}\n\nSecond.", text);
    }

    [Fact]
    public void IntoText_Appends_WhenTextIsOneParagraph_AndKeepsCrLf()
    {
        Assert.Equal($"Call me.\r\n\r\n{LinkInjection.Lead}{Url}\r\n", LinkInjection.IntoText("Call me.\r\nJohn\r\n", Url)
            .Replace("Call me.\r\nJohn", "Call me.", StringComparison.Ordinal));
        Assert.Equal($"{LinkInjection.Lead}{Url}\n", LinkInjection.IntoText("", Url));
    }

    [Fact]
    public void IntoHtml_InsertsEncodedAnchorAfterFirstParagraph()
    {
        var html = LinkInjection.IntoHtml("<html><body><p>Hello</p><p>Bye</p></body></html>", Url);
        Assert.Equal("<html><body><p>Hello</p><p>Please review the document here: " +
                     "<a href=\"https://evil.example/login?a=1&amp;b=2\">https://evil.example/login?a=1&amp;b=2</a></p><p>Bye</p></body></html>", html);
    }

    [Fact]
    public void IntoHtml_InsertsAfterBodyTag_WhenThereIsNoParagraph()
    {
        var html = LinkInjection.IntoHtml("<HTML><BODY class=x><div>Hi</div></BODY></HTML>", Url);
        Assert.StartsWith("<HTML><BODY class=x><p>Please review", html);
    }

    [Fact]
    public void Inject_GivesATextBody_WhenTheMessageHasNoBody_AndKeepsHtmlOnlyMessagesHtmlOnly()
    {
        Assert.Contains(Url, LinkInjection.Inject(new EmailMessage(), Url).TextBody);
        var htmlOnly = LinkInjection.Inject(new EmailMessage { HtmlBody = "<p>x</p>" }, Url);
        Assert.Null(htmlOnly.TextBody);
        Assert.Contains("href", htmlOnly.HtmlBody);
    }

    [Fact]
    public void Inject_PlantsExactlyOneNewLink_ThatTheProductExtractsWithTheSameUrl()
    {
        var original = new EmailMessage
        {
            TextBody = "See https://www.enron.com/news for details.\n\nRegards",
            HtmlBody = "<p>See <a href=\"https://www.enron.com/news\">news</a></p><p>Regards</p>",
        };
        var extractor = new MessageLinkExtractor();
        var before = extractor.Extract(original).Links;
        var after = extractor.Extract(LinkInjection.Inject(original, Url)).Links;
        var planted = Assert.Single(after, l => !before.Any(b => b.Url == l.Url));
        Assert.Equal(Url, planted.Url);
        Assert.Equal("evil.example", planted.RegistrableDomain);
    }
}
