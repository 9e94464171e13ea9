using System.Runtime.CompilerServices;
using M365Scanner.Core.Mail;
using MimeKit;

namespace M365Scanner.Core.Tests.Mail;

/// <summary>Header fields decoded on first use behave as the decoded values they replaced.</summary>
public class MessageHeaderTests
{
    [Fact]
    public void Map_DoesNotKeepTheParsedMessageAlive_ThroughItsHeaders()
    {
        // A field read later keeps what it decodes from; a MimeKit header is wired (its Changed event) to its list and
        // message, so holding it would keep every part of the parsed message, attachments encoded, alive with the
        // mapped message.
        var (mapped, parsed) = MapAndForget();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(parsed.IsAlive);
        Assert.Equal("café is decoded", mapped.Headers.Single(h => h.Name == "Subject").Value);
    }

    [Fact]
    public void Equality_ComparesDecodedValues_WhetherDecodedLazilyOrGiven()
    {
        var (mapped, _) = MapAndForget();
        var subject = mapped.Headers.Single(h => h.Name == "Subject");
        Assert.Equal(new MessageHeader("Subject", "café is decoded"), subject);
        Assert.Equal(new MessageHeader("Subject", "café is decoded").GetHashCode(), subject.GetHashCode());
        Assert.Equal("other", (subject with { Value = "other" }).Value);
        Assert.Equal("café is decoded", (subject with { Name = "X-Subject" }).Value);
    }

    [Fact]
    public void Value_GivenAsNull_ReadsBackAsNull() =>
        Assert.Null(new MessageHeader("X-Empty", null!).Value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (EmailMessage Mapped, WeakReference Parsed) MapAndForget()
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse("a@example.com"));
        mime.Subject = "café is decoded"; // written as an encoded word, so reading it decodes
        mime.Body = new TextPart("plain") { Text = "hello" };
        using var stream = new MemoryStream();
        mime.WriteTo(stream);
        stream.Position = 0;
        var parsed = MimeMessage.Load(stream);
        return (MimeMessageMapper.Map(parsed), new WeakReference(parsed));
    }
}
