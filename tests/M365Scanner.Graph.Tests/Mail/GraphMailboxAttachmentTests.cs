using M365Scanner.Graph.Mail;
using M365Scanner.Graph.Tests.TestSupport;
using M365Scanner.GraphEmulator.Faults;
using MimeKit;

namespace M365Scanner.Graph.Tests.Mail;

/// <summary>Attachment bytes over real HTTP against the emulator, through the production client: metadata first, bytes
/// only for attachments within the cap (1 MB in the fixture), under a hard cap whatever size Graph declared.</summary>
public sealed class GraphMailboxAttachmentTests(GraphFixture f) : IClassFixture<GraphFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.4 https://evil.example/invoice"u8.ToArray();

    [Fact]
    public async Task SmallPdfBesideLargeAttachment_PdfRead_LargeNeverDownloaded_MapsWithSizeAndNoContent()
    {
        var large = Bytes(30 * 1024 * 1024);
        var (user, id) = Deliver(("invoice.pdf", Pdf, "application/pdf"), ("video.bin", large, "application/octet-stream"));
        var before = Requests(user).Count;

        var read = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);

        var byName = read.Message.Attachments.ToDictionary(a => a.FileName);
        Assert.Equal(Pdf, byName["invoice.pdf"].Content.ToArray());
        Assert.False(byName["video.bin"].HasContent);
        Assert.Equal(large.Length, byName["video.bin"].Size);
        var largeId = read.AttachmentIds[read.Message.Attachments.ToList().FindIndex(a => a.FileName == "video.bin")];
        var requests = await AfterAsync(user, before, 2);
        Assert.Equal(["GET message", "GET $value"], requests.Select(Shape));
        Assert.DoesNotContain(requests, r => r.Path.Contains(largeId, StringComparison.Ordinal));
        Assert.InRange(requests.Sum(r => r.ResponseBytes), Pdf.Length, 64 * 1024);
    }

    [Theory]
    [InlineData(0, new[] { "GET message" })]
    [InlineData(1, new[] { "GET message", "GET $value" })]
    [InlineData(3, new[] { "GET message", "GET attachments" })]
    public async Task RequestsPerMessage_ByNumberOfSmallAttachments(int attachments, string[] expected)
    {
        var files = Enumerable.Range(1, attachments).Select(i => ($"doc{i}.pdf", Bytes(20 * 1024, seed: i), "application/pdf")).ToArray();
        var (user, id) = Deliver(files);
        var before = Requests(user).Count;

        var read = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);

        Assert.Equal(expected, (await AfterAsync(user, before, expected.Length)).Select(Shape));
        Assert.Equal(files.Select(x => x.Item2), read.Message.Attachments.Select(a => a.Content.ToArray()));
    }

    [Fact]
    public async Task SmallAttachmentsBesideOneOverTheCap_EachSmallOneByValue_NeverTheList()
    {
        var (user, id) = Deliver(("a.pdf", Bytes(10_000, 1), "application/pdf"), ("b.pdf", Bytes(10_000, 2), "application/pdf"),
            ("big.bin", Bytes(2 * 1024 * 1024), "application/octet-stream"));
        var before = Requests(user).Count;

        var read = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);

        Assert.Equal(["GET message", "GET $value", "GET $value"], (await AfterAsync(user, before, 3)).Select(Shape));
        Assert.Equal([true, true, false], read.Message.Attachments.Select(a => a.HasContent));
    }

    [Fact]
    public async Task DeclaredSizeUnderstated_ValueReadStopsAtTheCap_AndTheRealSizeIsKept()
    {
        var liar = Bytes(3 * 1024 * 1024);
        var (user, id) = Deliver(("small.pdf", liar, "application/pdf"));
        f.Emulator.Control.MisstateAttachmentSize(f.Tenant.Id, user, id, "small.pdf", 1000);

        var read = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);

        var attachment = Assert.Single(read.Message.Attachments);
        Assert.False(attachment.HasContent);
        Assert.Equal(liar.Length, attachment.Size);
    }

    [Fact]
    public async Task DeclaredSizeUnderstated_InTheList_ListAbandoned_EachReadAloneUnderTheCap()
    {
        var a = Bytes(10_000, 1);
        var b = Bytes(10_000, 2);
        var (user, id) = Deliver(("a.pdf", a, "application/pdf"), ("b.pdf", b, "application/pdf"), ("liar.pdf", Bytes(3 * 1024 * 1024), "application/pdf"));
        f.Emulator.Control.MisstateAttachmentSize(f.Tenant.Id, user, id, "liar.pdf", 1000);
        var before = Requests(user).Count;

        var read = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);

        // An abandoned answer is logged when the emulator notices the client left, so after the others.
        Assert.Equal(["GET $value", "GET $value", "GET $value", "GET attachments", "GET message"], (await AfterAsync(user, before, 5)).Select(Shape).Order());
        Assert.Equal(a, read.Message.Attachments[0].Content.ToArray());
        Assert.Equal(b, read.Message.Attachments[1].Content.ToArray());
        Assert.False(read.Message.Attachments[2].HasContent);
        Assert.Equal(3 * 1024 * 1024, read.Message.Attachments[2].Size);
    }

    [Fact]
    public async Task Copy_CarriesTheAttachmentNotReadForScanning_AndInlineImagesKeepTheirContentId()
    {
        var large = Bytes(2 * 1024 * 1024);
        var user = f.NewUser();
        var body = new BodyBuilder { HtmlBody = "<p>Logo <img src=\"cid:logo@partner\"> and <a href=\"https://evil.example/x\">pay</a></p>" };
        body.Attachments.Add("invoice.pdf", Pdf, ContentType.Parse("application/pdf"));
        body.Attachments.Add("video.bin", large, ContentType.Parse("application/octet-stream"));
        body.LinkedResources.Add("logo.png", [0x89, 0x50, 0x4E, 0x47, 1], ContentType.Parse("image/png")).ContentId = "logo@partner";
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user, Write(body));
        var original = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);
        Assert.False(original.Message.Attachments.Single(x => x.FileName == "video.bin").HasContent);

        var copyId = await f.Mailbox.CreateReceivedCopyAsync(f.Tenant.Id, user, original, new ReceivedCopy("<p>Logo <img src=\"cid:logo@partner\"></p>", null));

        var copy = MimeMessage.Load(new MemoryStream(f.Emulator.Control.GetMessages(f.Tenant.Id, user).Single(m => m.Id == copyId).Mime));
        var parts = copy.BodyParts.OfType<MimePart>().Where(p => p.FileName is not null).ToDictionary(p => p.FileName!);
        Assert.Equal(large, Decoded(parts["video.bin"]));
        Assert.Equal(Pdf, Decoded(parts["invoice.pdf"]));
        Assert.Equal("logo@partner", parts["logo.png"].ContentId);
    }

    [Fact]
    public async Task HuntPages_CarryNoAttachmentBytes_SmallOnesAreReadAfterwards()
    {
        var large = Bytes(5 * 1024 * 1024);
        var (user, id) = Deliver(("invoice.pdf", Pdf, "application/pdf"), ("video.bin", large, "application/octet-stream"));
        var recent = new FolderMessages(f.Clients, Microsoft.Extensions.Options.Options.Create(f.Options), f.Marker);
        var before = Requests(user).Count;

        var read = await recent.ReadAsync(f.Tenant.Id, user, "inbox", DateTimeOffset.UtcNow.AddDays(-1)).SingleAsync();

        Assert.Equal(id, read.Info.Id);
        Assert.Equal(Pdf, read.Message.Attachments.Single(a => a.FileName == "invoice.pdf").Content.ToArray());
        var video = read.Message.Attachments.Single(a => a.FileName == "video.bin");
        Assert.Equal((false, (long)large.Length), (video.HasContent, video.Size));
        var requests = await AfterAsync(user, before, 2);
        Assert.Equal(["GET $value", "GET message"], requests.Select(Shape).Order());
        Assert.InRange(requests.Sum(r => r.ResponseBytes), Pdf.Length, 64 * 1024);
    }

    private (string User, string Id) Deliver(params (string Name, byte[] Content, string Type)[] attachments)
    {
        var user = f.NewUser();
        var body = new BodyBuilder { HtmlBody = "<p>See <a href=\"https://partner.example/doc\">the document</a></p>" };
        foreach (var (name, content, type) in attachments) body.Attachments.Add(name, content, ContentType.Parse(type));
        return (user, f.Emulator.Control.Deliver(f.Tenant.Id, user, Write(body)));
    }

    private static byte[] Write(BodyBuilder body)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress("Alice Partner", "alice@partner.example"));
        mime.To.Add(new MailboxAddress("Bob", "bob@contoso.onmicrosoft.com"));
        mime.Subject = "attachments";
        mime.Body = body.ToMessageBody();
        using var stream = new MemoryStream();
        mime.WriteTo(stream);
        return stream.ToArray();
    }

    private IReadOnlyList<LoggedRequest> Requests(string user) => f.GraphRequests(p => p.Contains(user, StringComparison.Ordinal));

    // The emulator logs a request once its answer is complete, which the client may see a moment before.
    private async Task<List<LoggedRequest>> AfterAsync(string user, int before, int expected)
    {
        await Eventually.TrueAsync(() => Requests(user).Count - before >= expected);
        return [.. Requests(user).Skip(before)];
    }

    // "GET message", "GET $value", "GET attachments": what each request was, without ids.
    private static string Shape(LoggedRequest r) =>
        r.Path.EndsWith("/$value", StringComparison.Ordinal) ? $"{r.Method} $value"
        : r.Path.EndsWith("/attachments", StringComparison.Ordinal) ? $"{r.Method} attachments"
        : $"{r.Method} message";

    private static byte[] Bytes(int length, int seed = 0)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Decoded(MimePart part)
    {
        using var s = new MemoryStream();
        part.Content!.DecodeTo(s);
        return s.ToArray();
    }
}
