using M365Scanner.GraphEmulator.Tests.TestSupport;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.MailFolders.Item.Messages.Delta;
using Microsoft.Graph.Users.Item.Messages.Item.Move;

namespace M365Scanner.GraphEmulator.Tests.Mail;

public sealed class DeltaTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    /// <summary>Follows nextLinks to the end of a round, as a sync client does; returns the items and the deltaLink.</summary>
    private async Task<(List<Message> Items, string DeltaLink)> Round(string userId, string? deltaLink)
    {
        var builder = f.Graph.Users[userId].MailFolders["inbox"].Messages.Delta;
        var page = deltaLink is null
            ? await builder.GetAsDeltaGetResponseAsync(r =>
            {
                r.QueryParameters.Select = ["subject", "isRead"];
                r.Headers.Add("Prefer", "odata.maxpagesize=4");
            })
            : await builder.WithUrl(deltaLink).GetAsDeltaGetResponseAsync(r => r.Headers.Add("Prefer", "odata.maxpagesize=4"));
        var items = new List<Message>(page!.Value!);
        while (page.OdataNextLink is { } next)
        {
            page = await builder.WithUrl(next).GetAsDeltaGetResponseAsync(r => r.Headers.Add("Prefer", "odata.maxpagesize=4"));
            items.AddRange(page!.Value!);
        }
        return (items, page.OdataDeltaLink!);
    }

    [Fact]
    public async Task Delta_InitialRoundListsAll_ThenReportsOnlyChangesAndRemovals()
    {
        var user = f.NewUser();
        var ids = Enumerable.Range(0, 9).Select(i => f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message($"d{i}"))).ToArray();

        var (initial, link1) = await Round(user.Id, null);
        var added = f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("new one"));
        await f.Graph.Users[user.Id].Messages[ids[0]].PatchAsync(new Message { IsRead = true });
        await f.Graph.Users[user.Id].Messages[ids[1]].DeleteAsync();
        await f.Graph.Users[user.Id].Messages[ids[2]].Move.PostAsync(new MovePostRequestBody { DestinationId = "archive" });
        var (changes, link2) = await Round(user.Id, link1);
        var (nothing, _) = await Round(user.Id, link2);

        Assert.Equal(ids.Order(), initial.Select(m => m.Id!).Order());
        Assert.All(initial, m => Assert.Null(m.Body));
        var removed = changes.Where(m => m.AdditionalData.ContainsKey("@removed")).Select(m => m.Id).ToArray();
        var present = changes.Where(m => !m.AdditionalData.ContainsKey("@removed")).ToArray();
        Assert.Equal(new[] { ids[1], ids[2] }.Order(), removed.Order());
        Assert.Equal(new[] { added, ids[0] }.Order(), present.Select(m => m.Id!).Order());
        Assert.True(present.Single(m => m.Id == ids[0]).IsRead);
        Assert.Empty(nothing);
    }

    [Fact]
    public async Task Delta_WithParentheses_IsTheSameFunction()
    {
        var user = f.NewUser();
        f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("x"));
        var info = f.Graph.Users[user.Id].MailFolders["inbox"].Messages.Delta.ToGetRequestInformation();
        var url = info.URI.ToString();

        var page = await new DeltaRequestBuilder(url, f.Graph.RequestAdapter).GetAsDeltaGetResponseAsync();

        Assert.Contains("delta()", url);
        Assert.Single(page!.Value!);
        Assert.NotNull(page.OdataDeltaLink);
    }
}
