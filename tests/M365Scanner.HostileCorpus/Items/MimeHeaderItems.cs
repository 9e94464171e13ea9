using System.Text;
using M365Scanner.HostileCorpus.Mail;

namespace M365Scanner.HostileCorpus.Items;

/// <summary>Headers that make MimeKit's parse quadratic: its parser copies a header's bytes so far at every folded
/// line, so a header of N lines costs N² (session 28: a 1.2 MB header took 3 s to parse, 5 MB took 90 s).</summary>
internal static class MimeHeaderItems
{
    public const string FileName = "forwarded.eml";

    /// <summary>Lines the attached message's one long header is folded over.</summary>
    public const int FoldedLines = 60_000;

    public static IEnumerable<HostileItem> All =>
    [
        new HostileItem
        {
            Name = "mime-eml-folded-header",
            Description = $"a forwarded message attached as {FileName}, one of its headers folded over {FoldedLines:N0} " +
                          "lines (about 100 GB copied by MimeKit's parse), the link in its body",
            Attachment = FileName,
            Build = url => LureMessage.WithAttachment("mime-eml-folded-header",
                LureMessage.Attachment(FileName, "application", "octet-stream", FoldedHeaderMessage(url))),
        },
    ];

    // Written by hand, not by MimeKit, which would refold the header.
    private static byte[] FoldedHeaderMessage(string url)
    {
        var mime = new StringBuilder($"From: Accounts Payable <{Lure.Sender}>\r\nTo: {Lure.Recipient}\r\n");
        mime.Append("Subject: Invoice\r\nX-Trace: start");
        for (var line = 0; line < FoldedLines; line++)
            mime.Append("\r\n ").Append('a', 60);
        mime.Append("\r\nContent-Type: text/html; charset=utf-8\r\n\r\n")
            .Append($"<p>Your invoice is ready: {LureMessage.LureAnchor(url)}</p>\r\n");
        return Encoding.ASCII.GetBytes(mime.ToString());
    }
}
