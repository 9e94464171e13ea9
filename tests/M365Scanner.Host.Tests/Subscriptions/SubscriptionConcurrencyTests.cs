using M365Scanner.GraphEmulator.Faults;
using M365Scanner.Host.Subscriptions;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.Subscriptions;

/// <summary>Two hosts starting together queue the same subscription work for a mailbox; the mailbox's lock and the
/// re-read under it leave it with one subscription. Two jobs in one host race exactly as two hosts do: the lock is
/// the job storage's, not the process's.</summary>
public class SubscriptionConcurrencyTests
{
    [Fact]
    public async Task EnsureAsync_TwiceAtOnce_CreatesOneSubscription()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        var state = env.State();
        var original = Assert.Single(state.Subscriptions(env.TenantId));
        state.DeleteSubscription(original.SubscriptionId); // forgotten: both jobs will want to create one
        // Slow subscription calls, so the two jobs overlap on the wire.
        env.Control.InjectFault(new FaultRule { Kind = FaultKind.Delay, Method = "POST", Pattern = "/subscriptions", Delay = TimeSpan.FromMilliseconds(500) });
        var before = env.Control.Subscriptions.Count;

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            Job(env).EnsureAsync(env.TenantId, ScannerEnvironment.Mailbox, CancellationToken.None))));

        Assert.Equal(before + 1, env.Control.Subscriptions.Count);
        Assert.Single(state.Subscriptions(env.TenantId));
    }

    [Fact]
    public async Task RecreateAsync_TwiceForOneRemovedSubscription_CreatesOneReplacement()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        var original = Assert.Single(env.State().Subscriptions(env.TenantId));
        env.Control.InjectFault(new FaultRule { Kind = FaultKind.Delay, Method = "POST", Pattern = "/subscriptions", Delay = TimeSpan.FromMilliseconds(500) });
        var before = env.Control.Subscriptions.Count;

        // "subscriptionRemoved" reaching two hosts (Graph retried, or both got a copy).
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            Job(env).RecreateAsync(original.SubscriptionId, CancellationToken.None))));

        Assert.Equal(before + 1, env.Control.Subscriptions.Count);
        var replacement = Assert.Single(env.State().Subscriptions(env.TenantId));
        Assert.NotEqual(original.SubscriptionId, replacement.SubscriptionId);
    }

    private static SubscriptionJobs Job(ScannerEnvironment env) => env.Host.Services.GetRequiredService<SubscriptionJobs>();
}
