using MimeKit;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>Builds the MIME messages the tests deliver.</summary>
public static class Mime
{
    public static byte[] Message(string from, string to, string subject, string text, DateTimeOffset date,
        string? html = null, (string Name, byte[] Bytes)? pdf = null, string? messageId = null, string? authenticationResults = null)
    {
        var message = new MimeMessage();
        if (authenticationResults is not null)
            message.Headers.Add("Authentication-Results", authenticationResults);
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = date;
        message.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("test.example");
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        if (pdf is { } attachment)
            body.Attachments.Add(attachment.Name, attachment.Bytes, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
