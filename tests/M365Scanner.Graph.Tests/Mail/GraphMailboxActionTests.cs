using M365Scanner.Graph.Mail;
using M365Scanner.Graph.Tests.TestSupport;
using Microsoft.Graph.Models.ODataErrors;
using MimeKit;

namespace M365Scanner.Graph.Tests.Mail;

public sealed class GraphMailboxActionTests(GraphFixture f) : IClassFixture<GraphFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.4 https://evil.example/doc"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];

    private (string User, string Id) DeliverWithTwoAttachments()
    {
        var user = f.NewUser();
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress("Alice Partner", "alice@partner.example"));
        mime.To.Add(new MailboxAddress("Bob", "bob@contoso.onmicrosoft.com"));
        mime.Cc.Add(new MailboxAddress("Carol", "carol@contoso.onmicrosoft.com"));
        mime.Subject = "Quarterly report";
        mime.Date = new DateTimeOffset(2024, 3, 4, 5, 6, 7, TimeSpan.Zero);
        mime.MessageId = "report-1@partner.example";
        var body = new BodyBuilder { HtmlBody = "<p>Read <a href=\"https://evil.example/login\">here</a></p>" };
        body.Attachments.Add("report.pdf", Pdf, ContentType.Parse("application/pdf"));
        body.Attachments.Add("chart.png", Png, ContentType.Parse("image/png"));
        mime.Body = body.ToMessageBody();
        using var stream = new MemoryStream();
        mime.WriteTo(stream);
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user, stream.ToArray(), receivedAt: new DateTimeOffset(2024, 3, 4, 5, 7, 0, TimeSpan.Zero));
        return (user, id);
    }

    private static MimeMessage Parse(byte[] mime) => MimeMessage.Load(new MemoryStream(mime));

    [Fact]
    public async Task CreateReceivedCopy_IsNotDraft_InSameFolder_WithOriginalFieldsAndAttachments()
    {
        var (user, id) = DeliverWithTwoAttachments();
        var original = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);
        var newPdf = "%PDF-1.4 https://scanner.example/blocked"u8.ToArray();

        var copyId = await f.Mailbox.CreateReceivedCopyAsync(f.Tenant.Id, user, original,
            new ReceivedCopy("<p>Read <a href=\"https://scanner.example/blocked\">here</a></p>", null,
                new Dictionary<int, ReadOnlyMemory<byte>> { [0] = newPdf }));

        var stored = f.Emulator.Control.GetMessages(f.Tenant.Id, user);
        var before = Parse(stored.Single(m => m.Id == id).Mime);
        var copyState = stored.Single(m => m.Id == copyId);
        var copy = Parse(copyState.Mime);
        Assert.False(copyState.IsDraft);
        Assert.Equal(original.Info.ParentFolderId, copyState.FolderId);
        Assert.Equal(original.Info.ReceivedDateTime, copyState.ReceivedDateTime);
        Assert.Equal(original.Info.IsRead, copyState.IsRead);
        Assert.Equal(before.From.ToString(), copy.From.ToString());
        Assert.Equal(before.To.ToString(), copy.To.ToString());
        Assert.Equal(before.Cc.ToString(), copy.Cc.ToString());
        Assert.Equal(before.Subject, copy.Subject);
        Assert.Equal(before.Date, copy.Date);
        Assert.Equal(before.MessageId, copy.MessageId);
        Assert.Contains("https://scanner.example/blocked", copy.HtmlBody);
        Assert.DoesNotContain("evil.example", copy.HtmlBody);
        var attachments = copy.Attachments.OfType<MimePart>().ToDictionary(a => a.FileName ?? "", Bytes);
        Assert.Equal(newPdf, attachments["report.pdf"]);
        Assert.Equal(Png, attachments["chart.png"]);

        var reread = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, copyId);
        Assert.Equal(id, reread.Info.CopyOf);
    }

    [Fact]
    public async Task CreateReceivedCopy_KeepsReadStateCategoriesAndImportance()
    {
        var (user, id) = DeliverWithTwoAttachments();
        await f.Clients.For(f.Tenant.Id).Users[user].Messages[id].PatchAsync(new Microsoft.Graph.Models.Message
        {
            IsRead = true, Categories = ["Finance"], Importance = Microsoft.Graph.Models.Importance.High,
        });
        var original = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);

        var copyId = await f.Mailbox.CreateReceivedCopyAsync(f.Tenant.Id, user, original, new ReceivedCopy("<p>x</p>", null));

        var copy = await f.Clients.For(f.Tenant.Id).Users[user].Messages[copyId].GetAsync();
        Assert.True(copy!.IsRead);
        Assert.False(copy.IsDraft);
        Assert.Equal(["Finance"], copy.Categories);
        Assert.Equal(Microsoft.Graph.Models.Importance.High, copy.Importance);
    }

    [Fact]
    public async Task ReplaceWithCopy_OneBatchRequest_CopyStaysOriginalGone()
    {
        var (user, id) = DeliverWithTwoAttachments();
        var original = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);
        var batchesBefore = f.GraphRequests(p => p.EndsWith("/$batch")).Count;

        var copyId = await f.Mailbox.ReplaceWithCopyAsync(f.Tenant.Id, user, original, new ReceivedCopy("<p>safe</p>", null));

        Assert.Equal(batchesBefore + 1, f.GraphRequests(p => p.EndsWith("/$batch")).Count);
        var stored = f.Emulator.Control.GetMessages(f.Tenant.Id, user);
        Assert.Equal(copyId, Assert.Single(stored).Id);
        Assert.False(stored[0].IsDraft);
    }

    [Fact]
    public async Task ReplaceWithCopy_StepsThrottled_AreRetriedAfterRetryAfter()
    {
        var (user, id) = DeliverWithTwoAttachments();
        var original = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);
        var fault = f.Emulator.Control.InjectFault(new M365Scanner.GraphEmulator.Faults.FaultRule
        {
            Kind = M365Scanner.GraphEmulator.Faults.FaultKind.TooManyRequests, Method = "POST", Pattern = $"/users/{user}/mailFolders/.*/messages$",
            Times = 2, RetryAfterSeconds = 1,
        });
        try
        {
            var copyId = await f.Mailbox.ReplaceWithCopyAsync(f.Tenant.Id, user, original, new ReceivedCopy("<p>safe</p>", null));

            Assert.Equal(copyId, Assert.Single(f.Emulator.Control.GetMessages(f.Tenant.Id, user)).Id);
            // The delete depends on the create: it ran once, and only after the create succeeded.
            var steps = f.GraphRequests(p => p.Contains(user)).Where(r => r.Method is "POST" or "DELETE").Select(r => (r.Method, r.Status)).ToList();
            Assert.Equal([("POST", 429), ("POST", 429), ("POST", 201), ("DELETE", 204)], steps);
        }
        finally
        {
            f.Emulator.Control.RemoveFault(fault);
        }
    }

    [Fact]
    public async Task EnsureQuarantineFolder_IsHiddenUnderRoot_AndIdempotent()
    {
        var user = f.NewUser();

        var first = await f.Mailbox.EnsureQuarantineFolderAsync(f.Tenant.Id, user);
        var again = await f.Mailbox.EnsureQuarantineFolderAsync(f.Tenant.Id, user);
        var otherWorker = await new GraphMailbox(f.Clients, Microsoft.Extensions.Options.Options.Create(f.Options), f.Marker)
            .EnsureQuarantineFolderAsync(f.Tenant.Id, user);

        Assert.Equal(first, again);
        Assert.Equal(first, otherWorker);
        var folder = await f.Clients.For(f.Tenant.Id).Users[user].MailFolders[first].GetAsync();
        Assert.True(folder!.IsHidden);
        Assert.Equal(QuarantineFolders.FolderName, folder.DisplayName);
        var visible = await f.Clients.For(f.Tenant.Id).Users[user].MailFolders.GetAsync(r => r.QueryParameters.Top = 100);
        Assert.DoesNotContain(visible!.Value!, x => x.Id == first);
    }

    [Fact]
    public async Task Quarantine_MovesMessageIntoHiddenFolder()
    {
        var user = f.NewUser();
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user, Mime.Message("phish"));

        var newId = await f.Mailbox.QuarantineAsync(f.Tenant.Id, user, id);

        var folder = await f.Mailbox.EnsureQuarantineFolderAsync(f.Tenant.Id, user);
        var stored = Assert.Single(f.Emulator.Control.GetMessages(f.Tenant.Id, user));
        Assert.Equal((newId, folder), (stored.Id, stored.FolderId));
    }

    [Fact]
    public async Task Move_ToWellKnownFolder_ReturnsNewId()
    {
        var user = f.NewUser();
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user, Mime.Message("to junk"));

        var newId = await f.Mailbox.MoveAsync(f.Tenant.Id, user, id, "junkemail");

        Assert.Equal(newId, Assert.Single(f.Emulator.Control.GetMessages(f.Tenant.Id, user, "junkemail")).Id);
        Assert.Empty(f.Emulator.Control.GetMessages(f.Tenant.Id, user, "inbox"));
    }

    [Fact]
    public async Task Delete_RemovesMessage_AndSecondDeleteIs404()
    {
        var user = f.NewUser();
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user, Mime.Message("bye"));

        await f.Mailbox.DeleteAsync(f.Tenant.Id, user, id);

        Assert.Empty(f.Emulator.Control.GetMessages(f.Tenant.Id, user));
        var e = await Assert.ThrowsAsync<ODataError>(() => f.Mailbox.DeleteAsync(f.Tenant.Id, user, id));
        Assert.Equal(404, e.ResponseStatusCode);
    }

    private static byte[] Bytes(MimePart part)
    {
        using var s = new MemoryStream();
        part.Content!.DecodeTo(s);
        return s.ToArray();
    }
}
