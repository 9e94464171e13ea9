using M365Scanner.Graph.Tests.TestSupport;
using MimeKit;

namespace M365Scanner.Graph.Tests.Mail;

public sealed class GraphMailboxReadTests(GraphFixture f) : IClassFixture<GraphFixture>
{
    [Fact]
    public async Task GetMessage_CleanMessage_CostsExactlyOneGraphRequest()
    {
        var user = f.NewUser();
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user, Mime.Message("clean", to: "bob@contoso.onmicrosoft.com"));
        await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id); // warms the token so only Graph is counted below
        // The emulator logs a request once its answer is complete, which the client may see a moment before.
        await Eventually.TrueAsync(() => f.GraphRequests(p => p.Contains(user)).Count >= 1);
        var before = f.GraphRequests(p => p.Contains(user)).Count;

        var read = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);

        await Eventually.TrueAsync(() => f.GraphRequests(p => p.Contains(user)).Count - before >= 1);
        var requests = f.GraphRequests(p => p.Contains(user)).Skip(before).ToList();
        var request = Assert.Single(requests);
        Assert.Equal(("GET", 200), (request.Method, request.Status));
        Assert.Equal("clean", read.Message.Subject);
        Assert.False(read.Info.HasAttachments);
    }

    [Fact]
    public async Task GetMessage_WithAttachment_TwoRequests_AndMapsBytesHeadersAndState()
    {
        var user = f.NewUser();
        var pdf = "%PDF-1.4 https://evil.example/x"u8.ToArray();
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress("Alice", "alice@partner.example"));
        mime.To.Add(new MailboxAddress("Bob", "bob@contoso.onmicrosoft.com"));
        mime.Cc.Add(MailboxAddress.Parse("carol@contoso.onmicrosoft.com"));
        mime.Subject = "Invoice";
        mime.MessageId = "inv-1@partner.example";
        mime.InReplyTo = "parent@contoso.onmicrosoft.com";
        mime.Headers.Add("Authentication-Results", "mx.contoso.com; spf=fail smtp.mailfrom=partner.example");
        var body = new BodyBuilder { HtmlBody = "<p><a href=\"https://evil.example/x\">pay</a></p>" };
        body.Attachments.Add("invoice.pdf", pdf, ContentType.Parse("application/pdf"));
        mime.Body = body.ToMessageBody();
        using var stream = new MemoryStream();
        mime.WriteTo(stream);
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user, stream.ToArray());
        await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);
        // The emulator logs a request once its answer is complete, which the client may see a moment before (a loaded
        // machine showed it), so each count waits for the requests it expects.
        await Eventually.TrueAsync(() => f.GraphRequests(p => p.Contains(user)).Count >= 2);
        var before = f.GraphRequests(p => p.Contains(user)).Count;

        var read = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);

        // The message with its attachments as metadata, then the one attachment's bytes.
        await Eventually.TrueAsync(() => f.GraphRequests(p => p.Contains(user)).Count - before >= 2);
        Assert.Equal(2, f.GraphRequests(p => p.Contains(user)).Skip(before).Count());
        var m = read.Message;
        Assert.Equal("inv-1@partner.example", m.InternetMessageId);
        Assert.Equal("parent@contoso.onmicrosoft.com", m.InReplyTo);
        Assert.Equal(("alice@partner.example", "Alice"), (m.From!.Address, m.From.DisplayName));
        Assert.Equal("carol@contoso.onmicrosoft.com", Assert.Single(m.Cc).Address);
        Assert.Contains("spf=fail", Assert.Single(m.AuthenticationResults));
        Assert.Contains("https://evil.example/x", m.HtmlBody);
        var attachment = Assert.Single(m.Attachments);
        Assert.Equal(("invoice.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType));
        Assert.Equal(pdf, attachment.Content.ToArray());
        Assert.True(read.Info.HasAttachments);
        Assert.False(read.Info.IsDraft);
        Assert.Null(read.Info.CopyOf);
        Assert.NotNull(read.Info.ParentFolderId);
    }

    [Fact]
    public async Task GetMessage_AttachmentOverCap_KeepsSizeButNoBytes()
    {
        var user = f.NewUser();
        var big = new byte[f.Options.MaxAttachmentBytes + 1];
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user, Mime.Message("big", attachment: ("big.bin", big, "application/octet-stream")));

        var read = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);

        var attachment = Assert.Single(read.Message.Attachments);
        Assert.False(attachment.HasContent);
        Assert.Equal(big.Length, attachment.Size);
    }

    [Fact]
    public async Task CertificateCredential_ReadsMail()
    {
        var user = f.NewUser(f.CertificateTenant.Id);
        var id = f.Emulator.Control.Deliver(f.CertificateTenant.Id, user, Mime.Message("via certificate"));

        var read = await f.Mailbox.GetMessageAsync(f.CertificateTenant.Id, user, id);

        Assert.Equal("via certificate", read.Message.Subject);
    }

    [Fact]
    public async Task UnknownTenant_IsKeyNotFound()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => f.Mailbox.GetMessageAsync("not-configured", "u", "m"));
    }
}
