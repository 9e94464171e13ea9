using MimeKit;

namespace M365Scanner.Graph.Tests.TestSupport;

/// <summary>Builds test messages.</summary>
public static class Mime
{
    public static byte[] Message(string subject, string from = "Alice Partner <alice@partner.example>", string to = "bob@contoso.onmicrosoft.com",
        string? html = null, string text = "Hello, see https://example.com/page", (string Name, byte[] Content, string Type)? attachment = null,
        DateTimeOffset? date = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = date ?? new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);
        message.MessageId = Guid.NewGuid().ToString("N") + "@partner.example";
        message.Headers.Add("X-Test-Header", "present");
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        if (attachment is { } a) body.Attachments.Add(a.Name, a.Content, ContentType.Parse(a.Type));
        message.Body = body.ToMessageBody();
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
