using M365Scanner.GraphEmulator.Tests.TestSupport;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace M365Scanner.GraphEmulator.Tests.Mail;

public sealed class FoldersTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData("inbox", "Inbox")]
    [InlineData("sentitems", "Sent Items")]
    [InlineData("deleteditems", "Deleted Items")]
    [InlineData("archive", "Archive")]
    public async Task WellKnownFolder_IsFoundByName(string name, string displayName)
    {
        var user = f.NewUser();

        var folder = await f.Graph.Users[user.Id].MailFolders[name].GetAsync();

        Assert.Equal(displayName, folder!.DisplayName);
        Assert.NotEqual(name, folder.Id);
    }

    [Fact]
    public async Task CreateChildFolder_ThenListIt_AndDuplicateIsConflict()
    {
        var user = f.NewUser();

        var created = await f.Graph.Users[user.Id].MailFolders["inbox"].ChildFolders.PostAsync(new MailFolder { DisplayName = "Quarantine" });
        var children = await f.Graph.Users[user.Id].MailFolders["inbox"].ChildFolders.GetAsync();
        var inbox = await f.Graph.Users[user.Id].MailFolders["inbox"].GetAsync();
        var e = await Assert.ThrowsAsync<ODataError>(() =>
            f.Graph.Users[user.Id].MailFolders["inbox"].ChildFolders.PostAsync(new MailFolder { DisplayName = "quarantine" }));

        Assert.Equal(inbox!.Id, created!.ParentFolderId);
        Assert.Equal(created.Id, Assert.Single(children!.Value!).Id);
        Assert.Equal(1, inbox.ChildFolderCount);
        Assert.Equal(409, e.ResponseStatusCode);
        Assert.Equal("ErrorFolderExists", e.Error!.Code);
    }

    [Fact]
    public async Task HiddenFolder_IsListedOnlyWithIncludeHiddenFolders()
    {
        var user = f.NewUser();

        var created = await f.Graph.Users[user.Id].MailFolders["msgfolderroot"].ChildFolders.PostAsync(new MailFolder { DisplayName = "Hidden", IsHidden = true });
        var plain = await f.Graph.Users[user.Id].MailFolders["msgfolderroot"].ChildFolders.GetAsync(r => r.QueryParameters.Top = 50);
        var all = await f.Graph.Users[user.Id].MailFolders["msgfolderroot"].ChildFolders.GetAsync(r =>
        {
            r.QueryParameters.Top = 50;
            r.QueryParameters.IncludeHiddenFolders = "true";
        });

        Assert.True(created!.IsHidden);
        Assert.DoesNotContain(plain!.Value!, x => x.Id == created.Id);
        Assert.True(Assert.Single(all!.Value!, x => x.Id == created.Id).IsHidden);
    }

    [Fact]
    public async Task ListTopLevelFolders_IncludesWellKnownAndCreated()
    {
        var user = f.NewUser();
        await f.Graph.Users[user.Id].MailFolders.PostAsync(new MailFolder { DisplayName = "Projects" });

        var folders = await f.Graph.Users[user.Id].MailFolders.GetAsync(r => r.QueryParameters.Top = 50);

        var names = folders!.Value!.Select(x => x.DisplayName).ToArray();
        Assert.Contains("Inbox", names);
        Assert.Contains("Projects", names);
    }

    [Fact]
    public async Task UnknownFolder_Is404WithGraphError()
    {
        var user = f.NewUser();

        var e = await Assert.ThrowsAsync<ODataError>(() => f.Graph.Users[user.Id].MailFolders["AAMkAGFnope="].GetAsync());

        Assert.Equal(404, e.ResponseStatusCode);
        Assert.Equal("ErrorItemNotFound", e.Error!.Code);
    }
}
