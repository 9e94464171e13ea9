using M365Scanner.GraphEmulator.Tests.TestSupport;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace M365Scanner.GraphEmulator.Tests.Control;

public sealed class EnronSeedingTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task SeededEnronMailbox_PagesThroughAllMessages_WithSelect()
    {
        var folder = SharedData.PathOf("enron", "allen-p", "inbox");
        var files = System.IO.Directory.GetFiles(folder);
        var user = f.Emulator.Control.AddUser(f.Tenant.Id, "phillip.allen@enron.com", "Phillip Allen");

        var loaded = f.Emulator.Control.LoadEml(f.Tenant.Id, user.Id, folder);
        var first = await f.Graph.Users[user.Id].MailFolders["inbox"].Messages.GetAsync(r =>
        {
            r.QueryParameters.Select = ["subject", "from", "receivedDateTime", "internetMessageId"];
            r.QueryParameters.Top = 25;
        });
        var seen = new List<Message>();
        await PageIterator<Message, MessageCollectionResponse>.CreatePageIterator(f.Graph, first!, m => { seen.Add(m); return true; }).IterateAsync();

        Assert.Equal(files.Length, loaded);
        Assert.Equal(files.Length, seen.Count);
        Assert.Equal(files.Length, seen.Select(m => m.Id).Distinct().Count());
        Assert.All(seen, m => Assert.Null(m.Body));
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.ReceivedDateTime >= p.Second.ReceivedDateTime), "newest first");
        var inbox = await f.Graph.Users[user.Id].MailFolders["inbox"].GetAsync();
        Assert.Equal(files.Length, inbox!.TotalItemCount);
    }

    [Fact]
    public async Task DemoSeed_LoadsTheBestConnectedMailbox_IntoThePeriodEndingNow()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var before = DateTimeOffset.UtcNow;

        var seeded = Assert.Single(M365Scanner.GraphEmulator.Control.DemoSeed.Seed(emulator.Control, SharedData.PathOf("enron"), 1, TimeSpan.FromDays(80)));

        Assert.EndsWith("@enron.com", seeded.Owner);
        Assert.Equal(System.IO.Directory.GetFiles(seeded.Directory).Length, seeded.Loaded);
        var messages = emulator.Control.GetMessages(M365Scanner.GraphEmulator.Control.DemoSeed.TenantId, seeded.Owner);
        Assert.Equal(seeded.Loaded, messages.Count);
        Assert.All(messages, m => Assert.InRange(m.ReceivedDateTime, before.AddDays(-80).AddSeconds(-1), DateTimeOffset.UtcNow));
    }
}
