using System.Net;
using System.Text.RegularExpressions;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Evaluation.Attacks;
using MimeKit;

namespace M365Scanner.Evaluation.Tests.Attacks;

[Collection(ListArchiveCollection.Name)]
public class ListLinkInjectionTests(ListArchiveFixture data)
{
    private const string Url = "https://evil-share.pages.dev/login?a=1&b=2";
    private static readonly MessageLinkExtractor Extractor = new();

    /// <summary>Every 20th message of the archive that has a part of its author's own to write into: a spread of
    /// Gmail, Outlook, Apple Mail and plain-text list mail, with and without inline footers.</summary>
    private List<string> Carriers() => [.. data.Archive.Select(m => m.File)
        .Where((_, i) => i % 20 == 0)
        .Where((f, i) => ListLinkInjection.Inject(Load(f), Url, Wording.All[i % Wording.All.Count], (Placement)(i % 3)).Count > 0)];

    [Fact]
    public void Inject_FindsTheAuthorsOwnText_InNearlyEveryListMessage()
    {
        var sampled = data.Archive.Where((_, i) => i % 20 == 0).Count();
        var carriers = Carriers().Count;
        Assert.True(carriers >= sampled * 0.9, $"{carriers} of {sampled} messages take a link");
    }

    [Fact]
    public void Inject_KeepsEveryHeaderAndTheMimeTree_AndChangesNoOtherPart()
    {
        var carriers = Carriers();
        Assert.True(carriers.Count >= 100, $"{carriers.Count} carriers");
        for (var i = 0; i < carriers.Count; i++)
        {
            var before = Load(carriers[i]);
            var after = Load(carriers[i]);
            var written = ListLinkInjection.Inject(after, Url, Wording.All[i % Wording.All.Count], (Placement)(i % 3));
            var writtenAt = written.Select(w => after.BodyParts.ToList().IndexOf(w)).ToHashSet();
            after = Reparse(after);

            Assert.True(written.Count > 0, carriers[i]);
            Assert.Equal(Headers(before), Headers(after));
            Assert.Equal(Tree(before.Body!), Tree(after.Body!));
            var unchanged = before.BodyParts.Zip(after.BodyParts).Where((_, at) => !writtenAt.Contains(at)).ToList();
            Assert.Equal(after.BodyParts.Count() - written.Count, unchanged.Count);
            Assert.All(unchanged, p => Assert.Equal(Decoded(p.First), Decoded(p.Second)));
        }
    }

    [Fact]
    public void Inject_WritesTheUrlOnceIntoTheTextAndOnceIntoTheHtml_WhenTheMessageHasBoth()
    {
        var carriers = Carriers();
        var both = 0;
        for (var i = 0; i < carriers.Count; i++)
        {
            var mime = Load(carriers[i]);
            var (text, html) = ListLinkInjection.WritableParts(mime);
            ListLinkInjection.Inject(mime, Url, Wording.All[i % Wording.All.Count], (Placement)(i % 3));
            var (newText, newHtml) = ListLinkInjection.WritableParts(Reparse(mime));

            if (text is not null)
            {
                Assert.True(1 == Regex.Count(newText!.Text, Regex.Escape(Url)), $"{carriers[i]}: {newText.Text}");
                Assert.Single(Extractor.Extract(new EmailMessage { TextBody = newText.Text }).Links, l => l.Url == Url);
            }
            if (html is not null)
            {
                Assert.True(1 == Regex.Count(newHtml!.Text, Regex.Escape($"href=\"{WebUtility.HtmlEncode(Url)}\"")), $"{carriers[i]}: {newHtml.Text}");
                Assert.Single(Extractor.Extract(new EmailMessage { HtmlBody = newHtml.Text }).Links, l => l.Url == Url);
            }
            if (text is not null && html is not null)
                both++;
        }
        Assert.True(both >= carriers.Count / 2, $"{both} of {carriers.Count} have both parts");
    }

    [Fact]
    public void Inject_LeavesTheListFooterUntouched_WhetherAPartOfItsOwnOrAtTheEndOfTheText()
    {
        var inline = 0;
        var separate = 0;
        var carriers = Carriers();
        for (var i = 0; i < carriers.Count; i++)
        {
            var before = Load(carriers[i]);
            var after = Load(carriers[i]);
            ListLinkInjection.Inject(after, Url, Wording.All[i % Wording.All.Count], (Placement)(i % 3));
            after = Reparse(after);
            foreach (var (old, now) in before.BodyParts.OfType<TextPart>().Zip(after.BodyParts.OfType<TextPart>()))
            {
                if (ListLinkInjection.IsFooterPart(old.Text))
                {
                    separate++;
                    Assert.Equal(old.Text, now.Text);
                }
                else if (ListLinkInjection.FooterStart(old.Text) is int at && !old.IsHtml)
                {
                    inline++;
                    var footer = old.Text[at..];
                    Assert.EndsWith(footer, now.Text);
                    Assert.DoesNotContain(Url, now.Text[ListLinkInjection.FooterStart(now.Text)!.Value..]);
                }
            }
        }
        Assert.True(separate > 50, $"{separate} footer parts");
        Assert.True(inline > 5, $"{inline} inline footers");
    }

    [Fact]
    public void IntoText_PutsTheSentenceInTheAuthorsOwnText_BeforeTheQuoteAndSignature()
    {
        const string reply = "Hi Rob,\n\nThe FPGA build fails.\nLog below.\n\nThanks\n-- \nJim\n\nOn Mon, Rob wrote:\n> quoted\n";
        var wording = Wording.All[0];
        Assert.Equal($"Hi Rob,\n\n{wording.Lead}{Url}\n\nThe FPGA build fails.\nLog below.\n\nThanks\n-- \nJim\n\nOn Mon, Rob wrote:\n> quoted\n",
            ListLinkInjection.IntoText(reply, Url, wording, Placement.AfterGreeting));
        Assert.Equal($"Hi Rob,\n\nThe FPGA build fails.\nLog below.\n\nThanks\n\n{wording.Lead}{Url}\n\n-- \nJim\n\nOn Mon, Rob wrote:\n> quoted\n",
            ListLinkInjection.IntoText(reply, Url, wording, Placement.EndOfOwnText));
        Assert.Null(ListLinkInjection.IntoText("> only a quote\n", Url, wording, Placement.EndOfOwnText));
    }

    [Fact]
    public void IntoHtml_PutsTheAnchorBeforeTheGmailQuote()
    {
        const string html = "<div dir=\"ltr\">Hi<div>text</div></div><br><div class=\"gmail_quote\"><blockquote>old</blockquote></div>";
        var result = ListLinkInjection.IntoHtml(html, Url, Wording.All[1], Placement.EndOfOwnText)!;
        Assert.True(result.IndexOf(WebUtility.HtmlEncode(Url), StringComparison.Ordinal) < result.IndexOf("gmail_quote", StringComparison.Ordinal));
        Assert.Contains(">our share</a>", result);
    }

    private MimeMessage Load(string file) => MimeMessage.Load(Path.Combine(data.DataRoot, file));

    // What the mailbox receives: the message written out and read back.
    private static MimeMessage Reparse(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    private static List<(string, string)> Headers(MimeMessage message) => [.. message.Headers.Select(h => (h.Field, h.Value))];

    private static string Tree(MimeEntity entity) => entity switch
    {
        Multipart multipart => $"{multipart.ContentType.MimeType}[{string.Join(",", multipart.Select(Tree))}]",
        MimePart part => $"{part.ContentType.MimeType};{part.ContentTransferEncoding};{part.ContentDisposition?.Disposition};" +
                         string.Join(";", part.Headers.Select(h => h.Field)),
        _ => entity.ContentType.MimeType,
    };

    private static byte[] Decoded(MimeEntity entity)
    {
        using var stream = new MemoryStream();
        if (entity is MimePart { Content: not null } part)
            part.Content.DecodeTo(stream);
        else
            entity.WriteTo(stream, contentOnly: true);
        return stream.ToArray();
    }
}
