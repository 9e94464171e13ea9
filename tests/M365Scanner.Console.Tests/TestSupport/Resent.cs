using M365Scanner.Demo.Scenario;
using MimeKit;

namespace M365Scanner.Console.Tests.TestSupport;

/// <summary>One of the demo's messages sent again as a new message: the same MIME under a new Message-ID and date,
/// so the scanner judges it afresh.</summary>
public static class Resent
{
    public static DemoMessage Of(DemoMessage message, string label)
    {
        var mime = MimeMessage.Load(new MemoryStream(message.Mime));
        var id = $"{label}-{Guid.NewGuid():N}@{mime.From.Mailboxes.First().Domain}";
        mime.MessageId = id;
        mime.Date = DateTimeOffset.UtcNow;
        using var bytes = new MemoryStream();
        mime.WriteTo(bytes);
        return message with { MessageId = id, Story = $"{message.Story} (sent again as {label})", Mime = bytes.ToArray() };
    }
}
