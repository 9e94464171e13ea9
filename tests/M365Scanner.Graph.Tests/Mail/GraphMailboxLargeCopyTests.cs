using System.Security.Cryptography;
using System.Text;
using M365Scanner.Graph.Mail;
using M365Scanner.Graph.Tests.TestSupport;
using M365Scanner.GraphEmulator;
using M365Scanner.GraphEmulator.Faults;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using MimeKit;

namespace M365Scanner.Graph.Tests.Mail;

/// <summary>The rewritten copy of a message with a 20 MB PDF, against an emulator that refuses request bodies over
/// 4 MB as Graph does: the create carries what fits, the PDF follows through an upload session in ranges of 3.75 MiB,
/// and the copy's bytes are the ones the rewrite produced (hash compare).</summary>
public sealed class GraphMailboxLargeCopyTests(GraphFixture f) : IClassFixture<GraphFixture>
{
    private const int PdfBytes = 20 * 1024 * 1024;
    private const string Evil = "https://evil.example/pay";
    private const string Safe = "https://safe.example/pay"; // the same length, so the PDF's offsets stay valid
    private static readonly byte[] Notes = "meeting notes"u8.ToArray();

    [Fact]
    public async Task Rewrite_Of20MbPdf_CopyHoldsTheRewrittenPdf_CreatedThenUploadedInRanges()
    {
        var mailbox = MailboxWithCap(25 * 1024 * 1024);
        var (user, id, pdf) = DeliverPdfMessage(seed: 1);
        var original = await mailbox.GetMessageAsync(f.Tenant.Id, user, id);
        var index = original.Message.Attachments.ToList().FindIndex(a => a.FileName == "invoice.pdf");
        Assert.True(original.Message.Attachments[index].HasContent);
        var rewritten = Replace(pdf, Evil, Safe);
        var before = f.Emulator.Control.Requests.Count;

        var copyId = await mailbox.CreateReceivedCopyAsync(f.Tenant.Id, user, original,
            new ReceivedCopy("<p>safe</p>", null, new Dictionary<int, ReadOnlyMemory<byte>> { [index] = rewritten }));

        var requests = await RequestsSinceAsync(before, 9);
        Assert.Equal(["POST messages", "POST createUploadSession", .. Enumerable.Repeat("PUT range", 6), "PATCH message"], requests.Select(Shape));
        Assert.Equal([201, 201, 200, 200, 200, 200, 200, 201, 200], requests.Select(r => r.Status));
        var attachments = await AttachmentsOfAsync(user, copyId);
        Assert.Equal(SHA256.HashData(rewritten), SHA256.HashData(attachments["invoice.pdf"]));
        Assert.NotEqual(SHA256.HashData(pdf), SHA256.HashData(attachments["invoice.pdf"]));
        Assert.Equal(Notes, attachments["notes.txt"]);
        Assert.False(f.Emulator.Control.GetMessages(f.Tenant.Id, user).Single(m => m.Id == copyId).IsDraft);
        Assert.Equal(new ScannerCopy(copyId, id, IsWhole: true), Assert.Single(await FindCopiesAsync(user)));
    }

    [Fact]
    public async Task Copy_Of20MbPdfOverTheScanCap_IsCarriedByteForByte_ThroughASpoolFileThatIsThenDeleted()
    {
        var spool = Path.Combine(Path.GetTempPath(), "m365scanner-spool-test-" + Guid.NewGuid().ToString("N"));
        var mailbox = MailboxWithCap(1024 * 1024, spool);
        var (user, id, pdf) = DeliverPdfMessage(seed: 2);
        var original = await mailbox.GetMessageAsync(f.Tenant.Id, user, id);
        Assert.False(original.Message.Attachments.Single(a => a.FileName == "invoice.pdf").HasContent);
        var before = f.Emulator.Control.Requests.Count;

        var copyId = await mailbox.CreateReceivedCopyAsync(f.Tenant.Id, user, original, new ReceivedCopy("<p>safe</p>", null));

        var requests = await RequestsSinceAsync(before, 10);
        Assert.Equal(["GET $value", "POST messages", "POST createUploadSession", .. Enumerable.Repeat("PUT range", 6), "PATCH message"],
            requests.Select(Shape));
        Assert.Equal(SHA256.HashData(pdf), SHA256.HashData((await AttachmentsOfAsync(user, copyId))["invoice.pdf"]));
        Assert.True(Directory.Exists(spool), "the PDF was not spooled");
        Assert.Empty(Directory.EnumerateFileSystemEntries(spool));
        Directory.Delete(spool);
    }

    [Fact]
    public async Task Create_WithThe20MbPdfInline_IsRefusedByTheRequestLimit()
    {
        var mailbox = MailboxWithCap(25 * 1024 * 1024);
        var (user, id, pdf) = DeliverPdfMessage(seed: 3);
        var original = await mailbox.GetMessageAsync(f.Tenant.Id, user, id);
        var bytes = original.Message.Attachments.Select(a => a.Content.ToArray()).ToList();

        // What the copy was before upload sessions: every attachment inline in the create.
        var e = await Assert.ThrowsAsync<ODataError>(() => f.Clients.For(f.Tenant.Id).Users[user].MailFolders[original.Info.ParentFolderId].Messages
            .PostAsync(ReceivedCopyBuilder.Build(original.Source, new ReceivedCopy("<p>safe</p>", null), f.Marker.Mark(user, id), bytes)));

        Assert.Equal(413, e.ResponseStatusCode);
        Assert.Single(f.Emulator.Control.GetMessages(f.Tenant.Id, user));
        Assert.Contains(pdf.Length, bytes.Select(b => b.Length));
    }

    [Fact]
    public async Task ReplaceWithCopy_Of20MbPdf_DeletesTheOriginalOnceTheCopyIsWhole()
    {
        var (user, id, pdf) = DeliverPdfMessage(seed: 4);
        var original = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);

        var copyId = await f.Mailbox.ReplaceWithCopyAsync(f.Tenant.Id, user, original, new ReceivedCopy("<p>safe</p>", null));

        Assert.Equal([copyId], f.Emulator.Control.GetMessages(f.Tenant.Id, user).Select(m => m.Id));
        Assert.Equal(SHA256.HashData(pdf), SHA256.HashData((await AttachmentsOfAsync(user, copyId))["invoice.pdf"]));
    }

    [Fact]
    public async Task Copy_SmallAttachmentsTogetherOverTheLimit_TheOverflowIsPostedOneByOne()
    {
        var user = f.NewUser();
        var files = Enumerable.Range(1, 3).Select(i => ($"part{i}.bin", Bytes(2 * 1024 * 1024, seed: i))).ToList();
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user, Mime(files.Select(x => (x.Item1, x.Item2, "application/octet-stream"))));
        var original = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);
        var before = f.Emulator.Control.Requests.Count;

        var copyId = await f.Mailbox.CreateReceivedCopyAsync(f.Tenant.Id, user, original, new ReceivedCopy("<p>safe</p>", null));

        // Over the fixture's 1 MB cap, none was read for scanning: each is read whole for the copy first.
        var requests = await RequestsSinceAsync(before, 7);
        Assert.Equal(["GET $value", "GET $value", "GET $value", "POST messages", "POST attachments", "POST attachments", "PATCH message"],
            requests.Select(Shape));
        var attachments = await AttachmentsOfAsync(user, copyId);
        foreach (var (name, content) in files) Assert.Equal(content, attachments[name]);
    }

    [Fact]
    public async Task Copy_WhenTheUploadFails_TheCopyIsRemovedAndTheErrorRaised_AndNoSpoolFileIsLeft()
    {
        var spool = Path.Combine(Path.GetTempPath(), "m365scanner-spool-test-" + Guid.NewGuid().ToString("N"));
        var mailbox = MailboxWithCap(1024 * 1024, spool);
        var (user, id, _) = DeliverPdfMessage(seed: 5);
        var original = await mailbox.GetMessageAsync(f.Tenant.Id, user, id);
        var fault = f.Emulator.Control.InjectFault(new FaultRule { Kind = FaultKind.ServiceUnavailable, Method = "PUT", Pattern = "^/outlook/", RetryAfterSeconds = 0 });
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => mailbox.CreateReceivedCopyAsync(f.Tenant.Id, user, original, new ReceivedCopy("<p>safe</p>", null)));
        }
        finally
        {
            f.Emulator.Control.RemoveFault(fault);
        }

        Assert.Equal([id], f.Emulator.Control.GetMessages(f.Tenant.Id, user).Select(m => m.Id));
        Assert.True(Directory.Exists(spool), "the PDF was not spooled");
        Assert.Empty(Directory.EnumerateFileSystemEntries(spool));
        Directory.Delete(spool);
    }

    [Fact]
    public async Task Copy_LeftBeforeItsLastAttachment_IsFoundAsUnfinished()
    {
        var (user, id, _) = DeliverPdfMessage(seed: 6);
        var original = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);
        // The upload fails and so does the clean-up: what a host killed between the create and the last range leaves.
        Guid[] faults =
        [
            f.Emulator.Control.InjectFault(new FaultRule { Kind = FaultKind.ServiceUnavailable, Method = "PUT", Pattern = "^/outlook/", RetryAfterSeconds = 0 }),
            f.Emulator.Control.InjectFault(new FaultRule { Kind = FaultKind.ServiceUnavailable, Method = "DELETE", Pattern = "/messages/", RetryAfterSeconds = 0 }),
        ];
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => f.Mailbox.CreateReceivedCopyAsync(f.Tenant.Id, user, original, new ReceivedCopy("<p>safe</p>", null)));
        }
        finally
        {
            foreach (var fault in faults) f.Emulator.Control.RemoveFault(fault);
        }

        var copy = Assert.Single(await FindCopiesAsync(user));
        Assert.Equal((id, false), (copy.CopyOf, copy.IsWhole));
    }

    [Fact]
    public async Task Copies_UploadingIntoOneMailboxAtOnce_StayWithinItsFourRequests_SoOutlookNeverThrottles()
    {
        var user = f.NewUser();
        var ids = Enumerable.Range(0, 5).Select(seed => f.Emulator.Control.Deliver(f.Tenant.Id, user,
            Mime([("invoice.pdf", LargePdf.Create(4 * 1024 * 1024, Evil, seed), "application/pdf")], $"invoice-{seed}-{user}@partner.example"))).ToList();
        var originals = await Task.WhenAll(ids.Select(id => f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id)));
        f.Emulator.Control.SetThrottling(new ThrottlingOptions { Enabled = true, ConcurrentRequestsPerMailbox = 4 });
        // Each range holds its slot a while, so five uploads at once would overlap without the limiter.
        var slow = f.Emulator.Control.InjectFault(new FaultRule { Kind = FaultKind.Delay, Method = "PUT", Pattern = "^/outlook/", Delay = TimeSpan.FromMilliseconds(200) });
        var before = f.Emulator.Control.Requests.Count;
        try
        {
            await Task.WhenAll(originals.Select(original =>
                f.Mailbox.CreateReceivedCopyAsync(f.Tenant.Id, user, original, new ReceivedCopy("<p>safe</p>", null))));
        }
        finally
        {
            f.Emulator.Control.RemoveFault(slow);
            f.Emulator.Control.SetThrottling(new ThrottlingOptions { Enabled = false });
        }

        var uploads = f.Emulator.Control.Requests.Skip(before).Where(r => r.Path.StartsWith("/outlook/", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, uploads.Count(r => r.Status is 200 or 201)); // two ranges of each 4 MB PDF
        Assert.DoesNotContain(uploads, r => r.Status == 429);
        Assert.InRange(f.Clients.ConcurrencyOf(f.Tenant.Id).PeakInFlight, 1, 4);
    }

    private Task<IReadOnlyList<ScannerCopy>> FindCopiesAsync(string user) =>
        new ScannerCopies(f.Clients, f.Marker).FindAsync(f.Tenant.Id, user, "invoice-" + user + "@partner.example");

    private GraphMailbox MailboxWithCap(long cap, string? spoolDirectory = null)
    {
        var options = GraphFixture.OptionsFor(f.Emulator, [.. f.Options.Tenants]);
        options.MaxAttachmentBytes = cap;
        options.SpoolDirectory = spoolDirectory ?? options.SpoolDirectory;
        return new GraphMailbox(f.Clients, Microsoft.Extensions.Options.Options.Create(options), f.Marker);
    }

    private (string User, string Id, byte[] Pdf) DeliverPdfMessage(int seed)
    {
        var user = f.NewUser();
        var pdf = LargePdf.Create(PdfBytes, Evil, seed);
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user,
            Mime([("invoice.pdf", pdf, "application/pdf"), ("notes.txt", Notes, "text/plain")], "invoice-" + user + "@partner.example"));
        return (user, id, pdf);
    }

    private async Task<Dictionary<string, byte[]>> AttachmentsOfAsync(string user, string messageId)
    {
        var page = await f.Clients.For(f.Tenant.Id).Users[user].Messages[messageId].Attachments.GetAsync();
        return page!.Value!.OfType<FileAttachment>().ToDictionary(a => a.Name!, a => a.ContentBytes!);
    }

    // Every request after the index, token requests aside: the upload ranges go to the emulator's upload URL, not /v1.0.
    private async Task<List<LoggedRequest>> RequestsSinceAsync(int before, int expected)
    {
        List<LoggedRequest> Since() => [.. f.Emulator.Control.Requests.Skip(before).Where(r => !r.Path.Contains("/oauth2/", StringComparison.Ordinal))];
        await Eventually.TrueAsync(() => Since().Count >= expected);
        return Since();
    }

    private static string Shape(LoggedRequest r) =>
        r.Path.StartsWith("/outlook/", StringComparison.Ordinal) ? $"{r.Method} range"
        : r.Method == "PATCH" ? "PATCH message"
        : r.Path.EndsWith("/$value", StringComparison.Ordinal) ? $"{r.Method} $value"
        : $"{r.Method} {r.Path[(r.Path.LastIndexOf('/') + 1)..]}";

    private static byte[] Mime(IEnumerable<(string Name, byte[] Content, string Type)> attachments, string? messageId = null)
    {
        var body = new BodyBuilder { HtmlBody = $"<p>Invoice attached: <a href=\"{Evil}\">pay</a></p>" };
        foreach (var (name, content, type) in attachments) body.Attachments.Add(name, content, MimeKit.ContentType.Parse(type));
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress("Alice Partner", "alice@partner.example"));
        mime.To.Add(new MailboxAddress("Bob", "bob@contoso.onmicrosoft.com"));
        mime.Subject = "invoice";
        if (messageId is not null) mime.MessageId = messageId;
        mime.Body = body.ToMessageBody();
        using var stream = new MemoryStream();
        mime.WriteTo(stream);
        return stream.ToArray();
    }

    private static byte[] Replace(byte[] bytes, string from, string to)
    {
        var needle = Encoding.ASCII.GetBytes(from);
        var at = bytes.AsSpan().IndexOf(needle);
        Assert.True(at >= 0);
        var copy = bytes.ToArray();
        Encoding.ASCII.GetBytes(to).CopyTo(copy, at);
        return copy;
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
