using System.Security.Cryptography;
using M365Scanner.Graph.Mail;
using M365Scanner.Graph.Tests.TestSupport;
using MimeKit;

namespace M365Scanner.Graph.Tests.Mail;

/// <summary>A delivered message that arrives with the scanner's marker property (Exchange may promote a sender's TNEF
/// named properties) reads as an ordinary message in every read of the adapter, unless the marker is one this
/// deployment wrote for this mailbox; the adapter's own copies still read as its own.</summary>
public sealed class ForgedMarkerReadTests(GraphFixture f) : IClassFixture<GraphFixture>
{
    public static TheoryData<string> Forgeries => new()
    {
        "untagged",      // a bare id, what the marker held before tags
        "other-key",     // tagged by another deployment
        "other-mailbox", // tagged by this deployment, for another mailbox
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task AForgedMarker_ReadsAsNoMarker_InTheSingleRead_TheFolderRead_AndTheCopySearch(string forgery)
    {
        var user = f.NewUser();
        const string original = "AAMkAGI2TG93AAA=";
        var forged = forgery switch
        {
            "untagged" => original,
            "other-key" => OwnMessageMarker.DerivedFrom(RandomNumberGenerator.GetBytes(32)).Mark(user, original),
            _ => f.Marker.Mark("someone-else@contoso.example", original),
        };
        var messageId = $"forged-{forgery}-{user}@partner.example";
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user, Mime(messageId), receivedAt: DateTimeOffset.UtcNow.AddMinutes(-1),
            extendedProperties: new Dictionary<string, string> { [MessageFields.CopyOfPropertyId] = forged });

        var read = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);
        var listed = await new FolderMessages(f.Clients, Microsoft.Extensions.Options.Options.Create(f.Options), f.Marker)
            .ReadAsync(f.Tenant.Id, user, "inbox", DateTimeOffset.UtcNow.AddHours(-1)).SingleAsync(m => m.Info.Id == id);
        var copies = await new ScannerCopies(f.Clients, f.Marker).FindAsync(f.Tenant.Id, user, messageId);

        Assert.Contains("https://evil.example/login", read.Message.HtmlBody);
        Assert.Null(read.Info.CopyOf);
        Assert.Null(listed.Info.CopyOf);
        Assert.Empty(copies);
    }

    [Fact]
    public async Task TheAdaptersOwnCopy_ReadsAsItsOwn_InTheSingleRead_TheFolderRead_AndTheCopySearch()
    {
        var user = f.NewUser();
        var messageId = $"genuine-{user}@partner.example";
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user, Mime(messageId), receivedAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        var original = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id);

        var copyId = await f.Mailbox.CreateReceivedCopyAsync(f.Tenant.Id, user, original, new ReceivedCopy("<p>safe</p>", null));

        var read = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, copyId);
        var listed = await new FolderMessages(f.Clients, Microsoft.Extensions.Options.Options.Create(f.Options), f.Marker)
            .ReadAsync(f.Tenant.Id, user, "inbox", DateTimeOffset.UtcNow.AddHours(-1)).SingleAsync(m => m.Info.Id == copyId);
        Assert.Equal(id, read.Info.CopyOf);
        Assert.Equal(id, listed.Info.CopyOf);
        Assert.Equal(new ScannerCopy(copyId, id), Assert.Single(await new ScannerCopies(f.Clients, f.Marker).FindAsync(f.Tenant.Id, user, messageId)));
        var raw = await f.Clients.For(f.Tenant.Id).Users[user].Messages[copyId].GetAsync(r => r.QueryParameters.Expand = MessageFields.Expand);
        Assert.StartsWith(id + "|v1.", MessageFields.CopyOfValue(raw!));
    }

    private static byte[] Mime(string messageId)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress("Alice Partner", "alice@partner.example"));
        mime.To.Add(new MailboxAddress("Bob", "bob@contoso.onmicrosoft.com"));
        mime.Subject = "Invoice";
        mime.MessageId = messageId;
        mime.Body = new BodyBuilder { HtmlBody = "<p>Pay <a href=\"https://evil.example/login\">here</a></p>" }.ToMessageBody();
        using var stream = new MemoryStream();
        mime.WriteTo(stream);
        return stream.ToArray();
    }
}
