using M365Scanner.Graph.Tests.TestSupport;

namespace M365Scanner.Graph.Tests.Subscriptions;

public sealed class GraphSubscriptionsTests(GraphFixture f) : IClassFixture<GraphFixture>
{
    [Fact]
    public async Task Create_Renew_RenewMany_Delete()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        var users = Enumerable.Range(0, 3).Select(_ => f.NewUser()).ToList();
        var expiry = DateTimeOffset.UtcNow.AddHours(1);

        var ids = new List<string>();
        foreach (var user in users)
            ids.Add(await f.Subscriptions.CreateAsync(f.Tenant.Id, user, receiver.NotificationUrl, receiver.LifecycleUrl, "state-1", expiry));
        await f.Subscriptions.RenewAsync(f.Tenant.Id, ids[0], expiry.AddHours(1));
        await f.Subscriptions.DeleteAsync(f.Tenant.Id, ids[2]);
        var failed = await f.Subscriptions.RenewManyAsync(f.Tenant.Id, ids, expiry.AddHours(2));
        await f.Subscriptions.DeleteAsync(f.Tenant.Id, ids[2]); // already gone: not an error

        Assert.Equal([ids[2]], failed);
        var remaining = f.Emulator.Control.Subscriptions.Where(s => ids.Contains(s.Id)).ToList();
        Assert.Equal(2, remaining.Count);
        Assert.All(remaining, s => Assert.True(s.ExpirationDateTime > expiry.AddHours(1.5)));

        var delivered = f.Emulator.Control.Deliver(f.Tenant.Id, users[0], Mime.Message("notify me"));
        await Eventually.TrueAsync(() => receiver.Notifications.Any(n =>
            n.GetProperty("resourceData").GetProperty("id").GetString() == delivered
            && n.GetProperty("clientState").GetString() == "state-1"), because: "a created notification for the delivered message");
    }
}
