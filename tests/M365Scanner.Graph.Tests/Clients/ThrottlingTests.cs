using M365Scanner.Graph.Tests.TestSupport;
using M365Scanner.GraphEmulator;
using M365Scanner.GraphEmulator.Faults;

namespace M365Scanner.Graph.Tests.Clients;

/// <summary>Own fixture: throttling settings are emulator-wide.</summary>
public sealed class ThrottlingTests(GraphFixture f) : IClassFixture<GraphFixture>
{
    [Fact]
    public async Task GetMessage_SurvivesA429And503Storm_HonouringRetryAfter()
    {
        var user = f.NewUser();
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user, Mime.Message("stormy"));
        f.Emulator.Control.InjectFault(new FaultRule { Kind = FaultKind.TooManyRequests, Pattern = $"/users/{user}/messages/", Times = 2, RetryAfterSeconds = 1 });
        f.Emulator.Control.InjectFault(new FaultRule { Kind = FaultKind.ServiceUnavailable, Pattern = $"/users/{user}/messages/", Times = 1, RetryAfterSeconds = 1 });
        var started = DateTime.UtcNow;

        var read = await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("stormy", read.Message.Subject);
        var statuses = f.GraphRequests(p => p.Contains(user)).Select(r => r.Status).ToList();
        Assert.Equal([429, 429, 503, 200], statuses);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(2.5), "Retry-After of 1 s was not waited out three times");
    }

    [Fact]
    public async Task ManyReadsOfOneMailbox_StayWithinFourInFlight_SoOutlookNeverThrottles()
    {
        f.Emulator.Control.SetThrottling(new ThrottlingOptions { Enabled = true, ConcurrentRequestsPerMailbox = 4 });
        try
        {
            var user = f.NewUser();
            var ids = Enumerable.Range(0, 12).Select(i => f.Emulator.Control.Deliver(f.Tenant.Id, user, Mime.Message($"m{i}"))).ToList();
            await f.Mailbox.GetMessageAsync(f.Tenant.Id, user, ids[0]); // token first, so the burst below is all Graph
            // Each read holds its slot for a while, so without the limiter more than four would overlap.
            f.Emulator.Control.InjectFault(new FaultRule { Kind = FaultKind.Delay, Pattern = $"/users/{user}/messages/", Delay = TimeSpan.FromMilliseconds(150) });

            var reads = await Task.WhenAll(ids.Select(id => f.Mailbox.GetMessageAsync(f.Tenant.Id, user, id)));

            Assert.Equal(12, reads.Length);
            Assert.DoesNotContain(f.GraphRequests(p => p.Contains(user)), r => r.Status == 429);
            Assert.Equal(4, f.Clients.ConcurrencyOf(f.Tenant.Id).PeakInFlight);
        }
        finally
        {
            f.Emulator.Control.SetThrottling(new ThrottlingOptions { Enabled = false });
            f.Emulator.Control.ClearFaults();
        }
    }
}
