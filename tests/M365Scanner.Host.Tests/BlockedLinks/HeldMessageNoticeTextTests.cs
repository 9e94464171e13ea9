using M365Scanner.Core.Mail;
using M365Scanner.Host.BlockedLinks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Tests.BlockedLinks;

/// <summary>The words of a held message's notice, and the whole-message token its link carries.</summary>
public class HeldMessageNoticeTextTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 2, 40, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>")]
    [InlineData("see https://evil.example/login now", "see hxxps[:]//evil.example/login now")]
    [InlineData("visit WWW.evil.example", "visit WWW[.]evil.example")]
    [InlineData("javascript://x", "javascript[:]//x")]
    public void Quote_DefangsAndEncodes_WhatTheSenderWrote(string untrusted, string defanged)
    {
        var quoted = HeldMessageNoticeText.Quote(untrusted);

        Assert.Equal(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(defanged), quoted);
        Assert.DoesNotContain("<", quoted, StringComparison.Ordinal);
        Assert.DoesNotContain("://", quoted, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_CutsALongSubject()
    {
        var quoted = HeldMessageNoticeText.Quote(new string('a', 500));

        Assert.Equal(new string('a', HeldMessageNoticeText.MaxQuoted) + "&#x2026;", quoted);
    }

    [Fact]
    public void Body_NamesSenderSubjectTimeAndReasons_AndLinksOnlyToThePage()
    {
        var body = HeldMessageNoticeText.Body("Contoso", new EmailAddress("x@phish.example", "Payroll"), "Your salary", At,
            ["The site is new to your organisation."], "https://scanner.contoso.example/blocked/abc.def", "m1@phish.example");

        Assert.Contains("<p>Contoso protects your mailbox with M365Scanner.</p>", body);
        Assert.Contains("A message from <strong>Payroll</strong> (x@phish.example) with the subject <strong>“Your salary”</strong>, received 7 December 2026, 02:40 UTC, was held", body);
        Assert.Contains("<li>The site is new to your organisation.</li>", body);
        Assert.Contains("<a href=\"https://scanner.contoso.example/blocked/abc.def\">Request release</a>", body);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(body, "<a "));
    }

    [Fact]
    public void AWholeMessageToken_ReadsBackAsOne_AndALinkTokenNeverDoes()
    {
        var tokens = new BlockedLinkTokens(Options.Create(new ScannerHostOptions { PublicBaseUrl = "https://scanner.contoso.example" }),
            NullLogger<BlockedLinkTokens>.Instance);
        var message = BlockedLinkToken.ForMessage("tenant-1", "bob@contoso.example", "m1@phish.example");
        var unknownLink = new BlockedLinkToken("tenant-1", "bob@contoso.example", "m1@phish.example", -1);

        Assert.Equal(message, tokens.Read(tokens.Issue(message)));
        Assert.Equal(unknownLink, tokens.Read(tokens.Issue(unknownLink)));
        Assert.False(tokens.Read(tokens.Issue(unknownLink))!.WholeMessage);
        Assert.NotEqual(tokens.Issue(message), tokens.Issue(unknownLink));
    }
}
