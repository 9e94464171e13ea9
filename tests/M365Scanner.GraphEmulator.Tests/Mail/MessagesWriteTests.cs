using M365Scanner.GraphEmulator.Tests.TestSupport;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Messages.Item.Copy;
using Microsoft.Graph.Users.Item.Messages.Item.Move;

namespace M365Scanner.GraphEmulator.Tests.Mail;

public sealed class MessagesWriteTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private static Message Draft(string subject) => new()
    {
        Subject = subject,
        Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Visit https://safe.example</p>" },
        ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "bob@contoso.onmicrosoft.com", Name = "Bob" } }],
        From = new Recipient { EmailAddress = new EmailAddress { Address = "alice@partner.example", Name = "Alice" } },
    };

    /// <summary>PidTagMessageFlags without MSGFLAG_UNSENT, plus delivery time: how a replacement copy is created as received mail.</summary>
    private static Message AsReceived(string subject, DateTimeOffset received)
    {
        var m = Draft(subject);
        m.SingleValueExtendedProperties =
        [
            new SingleValueLegacyExtendedProperty { Id = "Integer 0x0E07", Value = "1" },
            new SingleValueLegacyExtendedProperty { Id = "SystemTime 0x0E06", Value = received.ToString("o") },
        ];
        return m;
    }

    [Fact]
    public async Task CreateInFolder_WithoutFlags_IsDraft()
    {
        var user = f.NewUser();

        var created = await f.Graph.Users[user.Id].MailFolders["inbox"].Messages.PostAsync(Draft("draft"));

        Assert.True(created!.IsDraft);
        Assert.Equal("draft", created.Subject);
    }

    [Fact]
    public async Task CreateOnUser_GoesToDrafts()
    {
        var user = f.NewUser();

        var created = await f.Graph.Users[user.Id].Messages.PostAsync(Draft("to drafts"));

        var drafts = await f.Graph.Users[user.Id].MailFolders["drafts"].GetAsync();
        Assert.Equal(drafts!.Id, created!.ParentFolderId);
    }

    [Fact]
    public async Task CreateInFolder_WithMessageFlagsRead_IsReceivedMessage()
    {
        var user = f.NewUser();
        var received = new DateTimeOffset(2023, 3, 4, 5, 6, 7, TimeSpan.Zero);

        var created = await f.Graph.Users[user.Id].MailFolders["inbox"].Messages.PostAsync(AsReceived("received", received));

        Assert.False(created!.IsDraft);
        Assert.True(created.IsRead);
        Assert.Equal(received, created.ReceivedDateTime);
        var read = await f.Graph.Users[user.Id].Messages[created.Id].GetAsync(r => r.QueryParameters.Expand = ["singleValueExtendedProperties($filter=id eq 'Integer 0x0E07')"]);
        Assert.Equal("1", Assert.Single(read!.SingleValueExtendedProperties!, p => p.Id == "Integer 0x0E07").Value);
        Assert.DoesNotContain(read.SingleValueExtendedProperties!, p => p.Id == "SystemTime 0x0E06");
    }

    [Fact]
    public async Task Patch_RefusesBodyChange_OnNonDraft()
    {
        var user = f.NewUser();
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("delivered"));

        var e = await Assert.ThrowsAsync<ODataError>(() => f.Graph.Users[user.Id].Messages[id].PatchAsync(new Message
        {
            Body = new ItemBody { ContentType = BodyType.Text, Content = "rewritten" },
        }));

        Assert.Equal(400, e.ResponseStatusCode);
        Assert.Equal("ErrorInvalidPropertySet", e.Error!.Code);
    }

    [Fact]
    public async Task Patch_AllowsIsReadAndCategories_OnNonDraft()
    {
        var user = f.NewUser();
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("delivered"));

        var updated = await f.Graph.Users[user.Id].Messages[id].PatchAsync(new Message { IsRead = true, Categories = ["Scanned"] });

        Assert.True(updated!.IsRead);
        Assert.Equal(["Scanned"], updated.Categories!);
    }

    [Fact]
    public async Task Patch_ChangesBodyAndSubject_OnDraft()
    {
        var user = f.NewUser();
        var draft = await f.Graph.Users[user.Id].Messages.PostAsync(Draft("before"));

        var updated = await f.Graph.Users[user.Id].Messages[draft!.Id].PatchAsync(new Message
        {
            Subject = "after",
            Body = new ItemBody { ContentType = BodyType.Text, Content = "new body" },
        });

        Assert.Equal("after", updated!.Subject);
        Assert.Equal("new body", updated.Body!.Content);
        Assert.NotEqual(draft.ChangeKey, updated.ChangeKey);
    }

    [Fact]
    public async Task Move_GivesNewIdInDestination_AndOldIdIsGone()
    {
        var user = f.NewUser();
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("to quarantine"));
        var quarantine = await f.Graph.Users[user.Id].MailFolders.PostAsync(new MailFolder { DisplayName = "Quarantine" });

        var moved = await f.Graph.Users[user.Id].Messages[id].Move.PostAsync(new MovePostRequestBody { DestinationId = quarantine!.Id });

        Assert.NotEqual(id, moved!.Id);
        Assert.Equal(quarantine.Id, moved.ParentFolderId);
        var e = await Assert.ThrowsAsync<ODataError>(() => f.Graph.Users[user.Id].Messages[id].GetAsync());
        Assert.Equal(404, e.ResponseStatusCode);
        var inQuarantine = await f.Graph.Users[user.Id].MailFolders[quarantine.Id].Messages.GetAsync();
        Assert.Equal(moved.Id, Assert.Single(inQuarantine!.Value!).Id);
    }

    [Fact]
    public async Task Copy_KeepsOriginal_AndAddsCopy()
    {
        var user = f.NewUser();
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("copied"));

        var copy = await f.Graph.Users[user.Id].Messages[id].Copy.PostAsync(new CopyPostRequestBody { DestinationId = "archive" });

        Assert.NotEqual(id, copy!.Id);
        Assert.Equal("copied", (await f.Graph.Users[user.Id].Messages[id].GetAsync())!.Subject);
        Assert.Equal("copied", (await f.Graph.Users[user.Id].MailFolders["archive"].Messages[copy.Id].GetAsync())!.Subject);
    }

    [Fact]
    public async Task Delete_RemovesMessage()
    {
        var user = f.NewUser();
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("deleted"));

        await f.Graph.Users[user.Id].Messages[id].DeleteAsync();

        Assert.Empty(f.Emulator.Control.GetMessages(f.Tenant.Id, user.Id));
    }

    [Fact]
    public async Task MessageInOtherFolder_IsNotFoundThroughThisFolder()
    {
        var user = f.NewUser();
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("in inbox"));

        var e = await Assert.ThrowsAsync<ODataError>(() => f.Graph.Users[user.Id].MailFolders["archive"].Messages[id].GetAsync());

        Assert.Equal(404, e.ResponseStatusCode);
    }

    [Fact]
    public async Task ConcurrentDeliveries_AreAllKeptOnce()
    {
        var user = f.NewUser();

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, (i, _) =>
        {
            f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message($"c{i}"));
            return ValueTask.CompletedTask;
        });
        var all = f.Emulator.Control.GetMessages(f.Tenant.Id, user.Id, "inbox");

        Assert.Equal(200, all.Select(m => m.Subject).Distinct().Count());
        Assert.Equal(200, all.Select(m => m.Id).Distinct().Count());
    }
}
