using MimeKit;

namespace M365Scanner.Host.Load;

/// <summary>The kinds of delivered mail and what the scanner should do with each.</summary>
internal enum MessageKind { Clean, Lateral, Phishing }

/// <summary>
/// The delivered messages: clean mail from the established partner (linking its usual document site), the partner
/// sending one novel link behind familiar text (lateral phishing: rewrite), and an external sender failing SPF, DKIM
/// and DMARC with an IP-literal login link (quarantine). Same shapes as the host's end-to-end tests.
/// </summary>
internal static class LoadMessages
{
    public const string Partner = "anna@partner.example";

    /// <summary>Roughly 80% clean, 10% lateral, 10% phishing, interleaved deterministically.</summary>
    public static MessageKind KindOf(int index) => (index % 10) switch { 3 => MessageKind.Lateral, 7 => MessageKind.Phishing, _ => MessageKind.Clean };

    public static byte[] Build(MessageKind kind, string to, string messageId, DateTimeOffset date, int n) => kind switch
    {
        MessageKind.Clean => Message(Partner, to, $"Minutes {n}",
            $"Hello, the minutes are at https://docs.partner.example/minutes/{n} as usual.", date, messageId),
        MessageKind.Lateral => Message(Partner, to, $"Invoice {n}",
            $"Hello, minutes at https://docs.partner.example/minutes/{n}; the invoice is at https://secure-docs.evilhost.xyz/inv/{n}x4JEcfT255",
            date, messageId,
            html: $"<p>Hello, minutes at <a href=\"https://docs.partner.example/minutes/{n}\">the usual place</a>; " +
                  $"the invoice is at <a href=\"https://secure-docs.evilhost.xyz/inv/{n}x4JEcfT255\">docs.partner.example/invoice/{n}</a>.</p>"),
        _ => Message("security@micros0ft-support.xyz", to, "Password expires today",
            $"Keep your password: http://203.0.113.50/office365/signin/verify-account.php?id=8f3kQ2x9LmP4zT7wR1v{n}", date, messageId,
            authenticationResults: "spf=fail (sender IP is 198.51.100.9) smtp.mailfrom=micros0ft-support.xyz; dkim=none (message not signed) " +
                                   "header.d=none;dmarc=fail action=none header.from=micros0ft-support.xyz;compauth=fail reason=000"),
    };

    /// <summary>A history message: the partner's minutes, as it has sent for weeks.</summary>
    public static byte[] History(string to, int i, DateTimeOffset date) =>
        Message(Partner, to, $"Minutes {i}", $"Hello, the minutes are at https://docs.partner.example/minutes/{i} as usual.", date, null);

    private static byte[] Message(string from, string to, string subject, string text, DateTimeOffset date, string? messageId,
        string? html = null, string? authenticationResults = null)
    {
        var message = new MimeMessage();
        if (authenticationResults is not null)
            message.Headers.Add("Authentication-Results", authenticationResults);
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = date;
        message.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("partner.example");
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
