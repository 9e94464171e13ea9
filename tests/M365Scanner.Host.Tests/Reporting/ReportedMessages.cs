using M365Scanner.Host.Tests.TestSupport;
using MimeKit;

namespace M365Scanner.Host.Tests.Reporting;

/// <summary>The phish and the reports the reporting tests deliver: a report carries the original as an attached
/// message (message/rfc822), as Microsoft's report button and "forward as attachment" deliver it.</summary>
public static class ReportedMessages
{
    public const string ReportingMailbox = "phish-report@contoso.example";
    public const string Alice = "alice@contoso.example";
    public const string PhishSender = "it-desk@micros0ft-support.xyz";
    public const string PhishDomain = "micros0ft-support.xyz";

    /// <summary>A credential phish with one link to the kit and one to the tenant's own intranet (which no hunt may take
    /// as an indicator).</summary>
    public static byte[] Phish(string messageId, string to) => Mime.Message(PhishSender, to, "Password expires today",
        "Keep your password: https://login.micros0ft-support.xyz/verify?id=8f3kQ2x9 (policy: https://intranet.contoso.example/policy)",
        DateTimeOffset.UtcNow, messageId: messageId);

    /// <summary>A report from <paramref name="reporter"/> with <paramref name="original"/> attached as a message.</summary>
    public static byte[] Report(string reportId, string reporter, byte[] original) =>
        Build(reportId, reporter, "Phish | Password expires today", new MessagePart
        {
            Message = MimeMessage.Load(new MemoryStream(original)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "reported.eml" },
        });

    /// <summary>A report whose "original" is a file named like a message that is not one.</summary>
    public static byte[] UnreadableReport(string reportId, string reporter)
    {
        var noise = new byte[4096];
        new Random(18).NextBytes(noise);
        for (var i = 0; i < noise.Length; i++)
            noise[i] = noise[i] is (byte)'\n' or (byte)'\r' or (byte)':' ? (byte)0 : noise[i];
        return Build(reportId, reporter, "Phish | ???", new MimePart("application", "octet-stream")
        {
            Content = new MimeContent(new MemoryStream(noise)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "reported.eml" },
            ContentTransferEncoding = ContentEncoding.Base64,
        });
    }

    private static byte[] Build(string reportId, string reporter, string subject, MimeEntity attachment)
    {
        var report = new MimeMessage();
        report.From.Add(MailboxAddress.Parse(reporter));
        report.To.Add(MailboxAddress.Parse(ReportingMailbox));
        report.Subject = subject;
        report.Date = DateTimeOffset.UtcNow;
        report.MessageId = reportId;
        report.Body = new Multipart("mixed") { new TextPart("plain") { Text = "This message was reported as phishing." }, attachment };
        using var stream = new MemoryStream();
        report.WriteTo(stream);
        return stream.ToArray();
    }
}
