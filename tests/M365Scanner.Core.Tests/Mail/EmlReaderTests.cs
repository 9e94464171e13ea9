using System.Text;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Tests.TestSupport;
using MimeKit;

namespace M365Scanner.Core.Tests.Mail;

public class EmlReaderTests
{
    private static EmailMessage Read(string mime) => EmlReader.Read(Encoding.UTF8.GetBytes(mime.ReplaceLineEndings("\r\n")));

    private const string Full = """
        Message-ID: <abc@partner.example>
        Date: Tue, 14 Nov 2000 09:15:00 -0800
        From: "Alice Partner" <alice@partner.example>
        Sender: mailer@partner.example
        Reply-To: billing@elsewhere.example
        To: bob@enron.com, Carol <carol@enron.com>
        Cc: dave@enron.com
        Subject: Invoice
        In-Reply-To: <prev@enron.com>
        References: <first@enron.com> <prev@enron.com>
        Authentication-Results: spf=fail smtp.mailfrom=partner.example; dkim=none
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: multipart/alternative; boundary="b2"

        --b2
        Content-Type: text/plain

        See http://partner.example/invoice
        --b2
        Content-Type: text/html

        <a href="http://partner.example/invoice">invoice</a>
        --b2--
        --b1
        Content-Type: application/pdf; name="invoice.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --b1--
        """;

    [Fact]
    public void Read_MapsEnvelopeAndThreadHeaders_WhenPresent()
    {
        var m = Read(Full);
        Assert.Equal("abc@partner.example", m.InternetMessageId);
        Assert.Equal(new EmailAddress("alice@partner.example", "Alice Partner"), m.From);
        Assert.Equal("mailer@partner.example", m.Sender?.Address);
        Assert.Equal("billing@elsewhere.example", Assert.Single(m.ReplyTo).Address);
        Assert.Equal(["bob@enron.com", "carol@enron.com"], m.To.Select(a => a.Address));
        Assert.Equal("dave@enron.com", Assert.Single(m.Cc).Address);
        Assert.Equal(new DateTimeOffset(2000, 11, 14, 9, 15, 0, TimeSpan.FromHours(-8)), m.SentAt);
        Assert.Equal("prev@enron.com", m.InReplyTo);
        Assert.Equal(["first@enron.com", "prev@enron.com"], m.References);
        Assert.Contains("spf=fail", Assert.Single(m.AuthenticationResults));
        Assert.Equal("Invoice", m.Subject);
    }

    [Fact]
    public void Read_SeparatesBodiesFromAttachments_WhenPdfHasNoDisposition()
    {
        var m = Read(Full);
        Assert.Contains("http://partner.example/invoice", m.TextBody);
        Assert.Contains("<a href", m.HtmlBody);
        var pdf = Assert.Single(m.Attachments);
        Assert.Equal("invoice.pdf", pdf.FileName);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal("%PDF-1.4\n", Encoding.ASCII.GetString(pdf.Content.Span));
    }

    [Fact]
    public void Read_KeepsEmbeddedMessageAsEmlAttachment_WhenMessageRfc822()
    {
        var m = Read("""
            From: a@x.example
            Subject: fwd
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            see attached
            --b
            Content-Type: message/rfc822

            From: inner@y.example
            Subject: inner

            inner body http://inner.example/
            --b--
            """);
        var inner = Assert.Single(m.Attachments);
        Assert.Equal("message/rfc822", inner.ContentType);
        Assert.EndsWith(".eml", inner.FileName);
        Assert.Equal("inner", EmlReader.Read(inner.Content).Subject);
    }

    [Fact]
    public void Read_LeavesDateNull_WhenHeaderMissing() =>
        Assert.Null(Read("From: a@x.example\nSubject: s\n\nbody").SentAt);

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\njust a body with no headers")]
    public void Read_ThrowsFormatException_WhenNoHeaders(string mime) =>
        Assert.ThrowsAny<FormatException>(() => Read(mime));

    [Fact]
    public void Read_ParsesEnronMessage_WithPlainTextBody()
    {
        var dir = SharedData.PathOf("enron");
        var file = Directory.EnumerateFiles(dir, "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        using var stream = File.OpenRead(file);
        var m = EmlReader.Read(stream);
        Assert.NotNull(m.From);
        Assert.NotEmpty(m.To);
        Assert.False(string.IsNullOrEmpty(m.TextBody));
    }

    [Fact]
    public void Read_RefusesBeforeParsing_AHeaderFoldedOverSoManyLinesThatMimeKitsParseWouldBeQuadratic()
    {
        var e = Assert.Throws<FormatException>(() => EmlReader.Read(FoldedHeaderMessage.Build()));
        Assert.Contains("would make parsing its MIME structure copy more than 1 GiB", e.Message);
    }

    [Fact]
    public void Read_RefusesAsNotAMessage_WhenParsingOverrunsTheBudget()
    {
        var e = Assert.Throws<FormatException>(() =>
            EmlReader.Read(Encoding.ASCII.GetBytes(Full), TimeSpan.Zero, CancellationToken.None));
        Assert.Contains("took longer than 0 s", e.Message);
    }

    [Fact]
    public void Read_IsCancelled_NotRefused_WhenTheCallerCancels()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => EmlReader.Read(Encoding.ASCII.GetBytes(Full), cancelled.Token));
    }

    // One parser per thread is kept from message to message (ReusedMimeParser): what it reads must be what a new
    // parser reads, whatever the message before it was (another, one refused, one cut off inside a part).
    [SkippableFact]
    public void Read_GivesWhatAFreshParserGives_MessageAfterMessage()
    {
        var folder = RequiredSharedData.RequireOrSkip("phishing");
        var truncated = Encoding.ASCII.GetBytes("From: a@b.example\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\nX-Cut: abc");
        var differing = new List<string>();
        var compared = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(400))
        {
            var bytes = File.ReadAllBytes(file);
            EmailMessage fresh;
            try
            {
                using var mime = MimeMessage.Load(EmlReader.Options, new MemoryStream(bytes, 0, bytes.Length, false, true), persistent: true);
                if (mime.Headers.Count == 0)
                    continue;
                fresh = MimeMessageMapper.Map(mime);
            }
            catch (FormatException)
            {
                continue;
            }
            if (compared % 3 == 0)
                Assert.ThrowsAny<FormatException>(() => EmlReader.Read(bytes, TimeSpan.Zero, CancellationToken.None));
            if (compared % 3 == 1)
                EmlReader.Read(truncated);
            compared++;
            if (Signature(EmlReader.Read(bytes)) != Signature(fresh))
                differing.Add(Path.GetFileName(file));
        }
        Assert.True(compared > 300, $"only {compared} messages compared");
        Assert.Empty(differing);
    }

    private static string Signature(EmailMessage m) => string.Join("\n",
        [
            m.Subject, m.From?.ToString(), string.Join(",", m.To), string.Join(",", m.References), m.SentAt?.ToString("O"),
            string.Join("|", m.Headers.Select(h => $"{h.Name}:{h.Value}")), m.TextBody, m.HtmlBody,
            .. m.Attachments.Select(a => $"{a.FileName};{a.ContentType};{a.Size};{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(a.Content.Span))}"),
        ]);
}
