using System.Collections.Concurrent;
using M365Scanner.GraphEmulator.Tests.TestSupport;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Messages.Item.Move;

namespace M365Scanner.GraphEmulator.Tests.Mail;

public sealed class ConcurrencyTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task ManyClients_MovingReadingAndDelivering_LoseAndDuplicateNothing()
    {
        var user = f.NewUser();
        var initial = Enumerable.Range(0, 60).Select(i => f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message($"old {i}"))).ToArray();
        var clients = Enumerable.Range(0, 6)
            .Select(_ => GraphClients.Create(f.Emulator, GraphClients.SecretCredential(f.Emulator, f.Tenant.Id, f.App.ClientId, EmulatorFixture.Secret)))
            .ToArray();
        var movedIds = new ConcurrentBag<string>();

        var movers = initial.Chunk(10).Select((chunk, i) => Task.Run(async () =>
        {
            foreach (var id in chunk)
            {
                var moved = await clients[i].Users[user.Id].Messages[id].Move.PostAsync(new MovePostRequestBody { DestinationId = "archive" });
                movedIds.Add(moved!.Id!);
                await clients[i].Users[user.Id].MailFolders["inbox"].Messages.GetAsync(r => r.QueryParameters.Top = 5);
            }
        }));
        var deliverer = Task.Run(() =>
        {
            for (var i = 0; i < 60; i++) f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message($"new {i}"));
        });
        await Task.WhenAll(movers.Append(deliverer));

        var archive = f.Emulator.Control.GetMessages(f.Tenant.Id, user.Id, "archive");
        var inbox = f.Emulator.Control.GetMessages(f.Tenant.Id, user.Id, "inbox");
        Assert.Equal(60, movedIds.Distinct().Count());
        Assert.Equal(movedIds.Order(), archive.Select(m => m.Id).Order());
        Assert.Equal(Enumerable.Range(0, 60).Select(i => $"new {i}").Order(), inbox.Select(m => m.Subject!).Order());
        var inboxCount = (await f.Graph.Users[user.Id].MailFolders["inbox"].GetAsync())!.TotalItemCount;
        Assert.Equal(60, inboxCount);
    }
}
