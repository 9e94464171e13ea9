using System.Text;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Host.Reporting;

namespace M365Scanner.Host.Tests.Reporting;

public sealed class ReportedOriginalTests
{
    private static readonly MessageLinkExtractor Extractor = new();

    private static EmailMessage Report(string? text, params EmailAttachment[] attachments) => new()
    {
        InternetMessageId = "report@contoso.example",
        Subject = "FW: Password expires today",
        From = new EmailAddress("bob@contoso.example", "Bob"),
        TextBody = text,
        Attachments = attachments,
    };

    private static EmailAttachment Attached(byte[] mime, string name = "reported.eml", string type = "message/rfc822") =>
        new(name, type, mime, mime.Length);

    [Fact]
    public void Read_TakesTheAttachedOriginal_ItsIdSenderSubjectAndLinks()
    {
        var original = ReportedMessages.Phish("phish-1@evil.example", "bob@contoso.example");

        var read = ReportedOriginal.Read(Report("see attached", Attached(original)), Extractor);

        Assert.Equal(("phish-1@evil.example", ReportedMessages.PhishSender, "Password expires today"), (read.MessageId, read.Sender, read.Subject));
        Assert.Contains(read.Links, l => l.StartsWith("https://login.micros0ft-support.xyz/", StringComparison.Ordinal));
        Assert.DoesNotContain(read.Notes, n => n.StartsWith("unreadable", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WithoutAnAttachedMessage_ReadsTheBodyAsAnInlineForward_AndSaysSo()
    {
        var text = "Looks fishy.\n\n-----Original Message-----\nFrom: IT Desk <it-desk@evil.example>\nSubject: Password\n\nGo to https://login.evil.example/x";

        var read = ReportedOriginal.Read(Report(text), Extractor);

        Assert.Null(read.MessageId);
        Assert.Equal(("it-desk@evil.example", "Password expires today"), (read.Sender, read.Subject));
        Assert.Contains("https://login.evil.example/x", read.Links);
        Assert.Contains(read.Notes, n => n.StartsWith("no attached message: the report's own body was read as an inline forward", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NotesUnreadable_WhenTheAttachedMessageIsNoMessage()
    {
        var read = ReportedOriginal.Read(Report("x", Attached([0, 1, 2, 3, 0xff, 0xfe])), Extractor);

        Assert.Null(read.MessageId);
        Assert.Empty(read.Links);
        Assert.Contains(read.Notes, n => n.StartsWith("unreadable: the attached message (reported.eml) could not be read", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NotesUnreadable_WhenTheOriginalWasNotFetched()
    {
        var read = ReportedOriginal.Read(Report("x", new EmailAttachment("big.eml", "message/rfc822", ReadOnlyMemory<byte>.Empty, 90_000_000)), Extractor);

        Assert.Contains(read.Notes, n => n.StartsWith("unreadable: the attached message (big.eml, 90000000 bytes) is over the size cap", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_LooksAtTheFirstAttachmentsOnly_AndTakesTheFirstOfSeveralMessages()
    {
        var first = ReportedMessages.Phish("first@evil.example", "bob@contoso.example");
        var second = ReportedMessages.Phish("second@evil.example", "bob@contoso.example");
        var noise = Enumerable.Range(0, ReportedOriginal.MaxAttachments).Select(i => new EmailAttachment($"f{i}.txt", "text/plain", Encoding.ASCII.GetBytes("x"), 1));

        var read = ReportedOriginal.Read(Report("x", [Attached(first), Attached(second, "other.eml"), .. noise]), Extractor);

        Assert.Equal("first@evil.example", read.MessageId);
        Assert.Contains(read.Notes, n => n.StartsWith($"the report has {ReportedOriginal.MaxAttachments + 2} attachments", StringComparison.Ordinal));
        Assert.Contains(read.Notes, n => n.StartsWith("the report carries 2 attached messages; the first (reported.eml)", StringComparison.Ordinal));
    }
}
