using M365Scanner.Graph.Tests.TestSupport;

namespace M365Scanner.Graph.Tests.Mail;

public sealed class InboxDeltaTests(GraphFixture f) : IClassFixture<GraphFixture>
{
    [Fact]
    public async Task Delta_FirstRoundPagesThroughInbox_NextRoundReturnsOnlyNewAndRemoved()
    {
        var user = f.NewUser();
        var first = Enumerable.Range(0, 25).Select(i => f.Emulator.Control.Deliver(f.Tenant.Id, user, Mime.Message($"m{i}"))).ToList();

        var round1 = await f.Delta.GetChangesAsync(f.Tenant.Id, user, null);
        var added = f.Emulator.Control.Deliver(f.Tenant.Id, user, Mime.Message("later"));
        await f.Mailbox.DeleteAsync(f.Tenant.Id, user, first[0]);
        var round2 = await f.Delta.GetChangesAsync(f.Tenant.Id, user, round1.DeltaLink);

        Assert.Equal(first.Order(), round1.Changed.Order());
        Assert.True(f.GraphRequests(p => p.Contains(user) && p.Contains("delta")).Count >= 3, "25 messages at 10 a page take three pages");
        Assert.Equal([added], round2.Changed);
        Assert.Equal([first[0]], round2.Removed);
        Assert.NotEqual(round1.DeltaLink, round2.DeltaLink);
    }
}
