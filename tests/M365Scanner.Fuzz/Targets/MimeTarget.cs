using System.Text;
using M365Scanner.Core.Mail;

namespace M365Scanner.Fuzz.Targets;

/// <summary>Raw RFC 822 bytes through <see cref="EmlReader"/> (MimeKit's parser, then <see cref="MimeMessageMapper"/>),
/// as the CLI reads .eml files and the extractor reads attached messages.</summary>
/// <remarks>EmlReader documents one exception for content, <see cref="FormatException"/> (bytes that are not a
/// message), and its callers catch only that one: anything else would end an offline scan or fail a live scan's
/// job, so it is a crash here.</remarks>
internal sealed class MimeTarget : FuzzTarget
{
    public override string Name => "mime";

    public override string Description => "RFC 822 bytes -> EmlReader.Read (MimeKit + MimeMessageMapper) -> EmailMessage";

    public override void Run(byte[] input)
    {
        EmailMessage message;
        try
        {
            message = EmlReader.Read(input);
        }
        catch (FormatException)
        {
            return;
        }
        // The mapping is eager, but reading every field keeps it so if it ever becomes lazy.
        var size = 0L;
        foreach (var attachment in message.Attachments)
            size += attachment.Content.Length + attachment.FileName.Length + attachment.ContentType.Length;
        size += message.Headers.Sum(h => h.Name.Length + h.Value.Length);
        size += (message.HtmlBody?.Length ?? 0) + (message.TextBody?.Length ?? 0) + message.AllRecipients.Count();
        GC.KeepAlive(size);
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        yield return ("plain.eml", Crlf("""
            From: Alice <alice@partner.example>
            To: bob@tenant.example
            Subject: hello
            Date: Tue, 14 Nov 2000 09:15:00 -0800
            Message-ID: <1@partner.example>

            See http://partner.example/invoice
            """));

        yield return ("alternative.eml", Crlf("""
            From: "Partner, Alice" <alice@partner.example>
            To: bob@tenant.example, Carol <carol@tenant.example>
            Cc: undisclosed-recipients:;
            Reply-To: billing@elsewhere.example
            Subject: =?utf-8?B?SW52b2ljZSDigqwgMTIw?=
            Authentication-Results: mx.tenant.example; spf=fail smtp.mailfrom=partner.example; dkim=none
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="b2"

            --b2
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            Caf=E9 http://partner.example/a=
            b
            --b2
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: base64

            PGEgaHJlZj0iaHR0cDovL3BhcnRuZXIuZXhhbXBsZS9pbnZvaWNlIj5pbnZvaWNlPC9hPg==
            --b2--
            """));

        yield return ("mixed-attachments.eml", Crlf("""
            From: alice@partner.example
            To: bob@tenant.example
            Subject: files
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            preamble
            --outer
            Content-Type: text/plain

            body
            --outer
            Content-Type: application/pdf; name="invoice.pdf"
            Content-Disposition: attachment; filename*=UTF-8''factura%20%C3%A9.pdf
            Content-Transfer-Encoding: base64

            JVBERi0xLjQKJeLjz9MK
            --outer
            Content-Type: text/html
            Content-Disposition: inline

            <p>inline html part</p>
            --outer
            Content-Type: application/octet-stream
            Content-Transfer-Encoding: x-uuencode

            begin 644 a.bin
            #86)C
            `
            end
            --outer--
            epilogue
            """));

        yield return ("attached-message.eml", Crlf("""
            From: alice@partner.example
            To: bob@tenant.example
            Subject: Fwd: original
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="m"

            --m
            Content-Type: text/plain

            forwarded below
            --m
            Content-Type: message/rfc822

            From: carol@third.example
            Subject: original
            Content-Type: multipart/related; boundary="r"; type="text/html"

            --r
            Content-Type: text/html

            <img src="cid:logo"><a href="https://third.example/">x</a>
            --r
            Content-Type: image/png
            Content-ID: <logo>
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --r--
            --m--
            """));

        // Odd shapes MimeKit must tolerate: folded and duplicate headers, a group address, an unterminated
        // multipart, header-only messages, bare LF line ends, a message/partial and a digest.
        yield return ("odd-folded.eml", Crlf("""
            From: (comment) "Quoted \" name" <a@b>, k..allen@enron.com,
             no-domain
            To: group: one@x.example, two@y.example;
            Subject: folded
             over two lines
            Date: 31 Feb 2001 25:61:61 +9999
            Content-Type: multipart/mixed; boundary=unterminated

            --unterminated
            Content-Type: text/plain; charset="x-unknown"

            no closing boundary
            """));
        yield return ("headers-only.eml", Encoding.ASCII.GetBytes("Subject: nothing else\r\n"));
        yield return ("bare-lf.eml", Encoding.ASCII.GetBytes(
            "From: a@b\nContent-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: in digest\n\nx\n--d--\n"));
        yield return ("partial.eml", Crlf("""
            From: a@b
            Content-Type: message/partial; id="p1"; number=1; total=2

            Subject: first half
            """));
    }

    public override IEnumerable<string> DictionaryTokens() =>
    [
        "\r\n", "\r\n\r\n", ": ", "From: ", "To: ", "Cc: ", "Reply-To: ", "Sender: ", "Subject: ", "Date: ", "Message-ID: ",
        "In-Reply-To: ", "References: ", "MIME-Version: 1.0", "Content-Type: ", "Content-Transfer-Encoding: ",
        "Content-Disposition: ", "Content-ID: ", "Authentication-Results: ", "multipart/mixed", "multipart/alternative",
        "multipart/related", "multipart/digest", "multipart/signed", "message/rfc822", "message/partial",
        "message/global", "text/plain", "text/html", "application/pdf", "application/ms-tnef", "boundary=", "charset=",
        "name=", "filename=", "filename*=", "filename*0*=", "UTF-8''", "base64", "quoted-printable", "x-uuencode",
        "8bit", "binary", "attachment", "inline", "--", "=?utf-8?B?", "=?iso-8859-1?Q?", "?=", "=\r\n", "begin 644 ",
        "end", "<", ">", "@", "\"", "(", ")", ";", ",", "group:;",
    ];

    private static byte[] Crlf(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n") + "\r\n");
}
