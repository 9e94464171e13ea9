using MimeKit;

namespace M365Scanner.Graph.Load;

/// <summary>The measured messages: no attachment, one small PDF, three small PDFs, a small PDF beside a large
/// attachment (over any sensible scanning cap), and a 20 MB PDF (within the default cap: scanned, and rewritten).</summary>
internal sealed record MessageSeeds(string Name, IReadOnlyList<(string FileName, int Bytes, string Type)> Attachments)
{
    public const int SmallPdfBytes = 40 * 1024;

    public static IReadOnlyList<MessageSeeds> All(int largeMegabytes) =>
    [
        new("none", []),
        new("one", [("invoice.pdf", SmallPdfBytes, "application/pdf")]),
        new("three", [("a.pdf", SmallPdfBytes, "application/pdf"), ("b.pdf", SmallPdfBytes, "application/pdf"), ("c.pdf", SmallPdfBytes, "application/pdf")]),
        new("large", [("invoice.pdf", SmallPdfBytes, "application/pdf"), ("archive.bin", largeMegabytes * 1024 * 1024, "application/octet-stream")]),
        new("pdf20", [("invoice.pdf", LargePdfBytes, "application/pdf")]),
    ];

    public const int LargePdfBytes = 20 * 1024 * 1024;

    public byte[] Mime()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Alice Partner", "alice@partner.example"));
        message.To.Add(new MailboxAddress("Reader", "reader@contoso.onmicrosoft.com"));
        message.Subject = $"attachments: {Name}";
        message.MessageId = $"{Name}-{Guid.NewGuid():N}@partner.example";
        var body = new BodyBuilder { HtmlBody = "<p>See <a href=\"https://partner.example/invoice\">the invoice</a>.</p>" };
        foreach (var (fileName, bytes, type) in Attachments)
            body.Attachments.Add(fileName, Content(bytes, type), ContentType.Parse(type));
        message.Body = body.ToMessageBody();
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }

    private static byte[] Content(int bytes, string type)
    {
        var content = new byte[bytes];
        new Random(bytes).NextBytes(content);
        if (type == "application/pdf") "%PDF-1.4\n"u8.CopyTo(content);
        return content;
    }
}
