using System.ComponentModel;
using Hangfire;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Jobs;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Scanning;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Subscriptions;

/// <summary>
/// Keeps one Graph subscription per monitored mailbox (and per reporting mailbox) alive: create when missing, renew well before expiry,
/// recreate when Graph removed it. The clientState secret is new for every subscription and stored with it.
/// </summary>
/// <remarks>Several hosts queue these jobs for the same mailbox (every host at start, every lifecycle event that
/// reaches any host, overlapping renewal sweeps). Each job holds the mailbox's subscription lock
/// (<see cref="MailboxLocks"/>) from reading the stored subscription to saving the new one, so the mailbox never
/// gets two subscriptions and a subscription is renewed by one job at a time; the second job re-reads and finds the
/// work done.</remarks>
public sealed class SubscriptionJobs(
    IMailboxSubscriptions subscriptions, IMonitoredMailboxes monitored, ReportingMailboxes reporting, IWorkerStateStore state, IWorkQueue queue, IOptions<ScannerHostOptions> options,
    MailboxLocks locks, TimeProvider clock, ILogger<SubscriptionJobs> log)
{
    /// <summary>The lock kind, per mailbox.</summary>
    public const string LockKind = "subscription";

    /// <summary>Longer than one create or renew call normally takes; a job that waits longer fails and is retried.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    private ScannerHostOptions Options => options.Value;

    [Queue(JobQueues.Maintenance)]
    [DisplayName("Ensure subscription for {1} (tenant {0})")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 5, 30, 120, 600])]
    public async Task EnsureAsync(string tenantId, string mailbox, CancellationToken ct)
    {
        if (!monitored.Contains(tenantId, mailbox) && !reporting.Is(tenantId, mailbox))
            return;
        using var _ = locks.Acquire(LockKind, tenantId, mailbox, LockWait);
        var existing = state.Subscriptions(tenantId).FirstOrDefault(s => string.Equals(s.Mailbox, mailbox, StringComparison.OrdinalIgnoreCase));
        if (existing is not null && existing.ExpiresAt > clock.GetUtcNow() + Options.RenewBefore)
            return;
        if (existing is not null && await RenewOrForgetAsync(existing, ct))
            return;
        await CreateAsync(tenantId, mailbox, ct);
    }

    [Queue(JobQueues.Notifications)]
    [DisplayName("Renew subscription {0}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 5, 30, 120, 600])]
    public Task RenewAsync(string subscriptionId, CancellationToken ct) => RenewAsync(subscriptionId, dueBy: null, ct);

    /// <param name="dueBy">Renew only if it still expires by then once the lock is held (the sweep: another job may
    /// have renewed it meanwhile); null renews in any case (Graph asked for reauthorization).</param>
    private async Task RenewAsync(string subscriptionId, DateTimeOffset? dueBy, CancellationToken ct)
    {
        if (state.GetSubscription(subscriptionId) is not { } seen)
            return;
        // The sweep skips a mailbox whose subscription another job is working on rather than fail the whole sweep.
        using var held = dueBy is null
            ? locks.Acquire(LockKind, seen.TenantId, seen.Mailbox, LockWait)
            : locks.TryAcquire(LockKind, seen.TenantId, seen.Mailbox, LockWait);
        if (held is null)
            return;
        // Re-read under the lock: another job may have renewed it, or replaced it with a new subscription.
        if (state.GetSubscription(subscriptionId) is not { } subscription || (dueBy is { } due && subscription.ExpiresAt > due))
            return;
        if (!await RenewOrForgetAsync(subscription, ct))
            await CreateAsync(subscription.TenantId, subscription.Mailbox, ct);
    }

    [Queue(JobQueues.Notifications)]
    [DisplayName("Recreate subscription {0}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 5, 30, 120, 600])]
    public async Task RecreateAsync(string subscriptionId, CancellationToken ct)
    {
        if (state.GetSubscription(subscriptionId) is not { } seen)
            return;
        using var _ = locks.Acquire(LockKind, seen.TenantId, seen.Mailbox, LockWait);
        // Gone once the lock is held: another job (on any host) got the same event and already recreated it.
        if (state.GetSubscription(subscriptionId) is not { } subscription)
            return;
        state.DeleteSubscription(subscriptionId);
        await CreateAsync(subscription.TenantId, subscription.Mailbox, ct);
        // Whatever arrived while there was no subscription is found by delta.
        queue.CatchUp(subscription.TenantId, subscription.Mailbox);
    }

    [Queue(JobQueues.Maintenance)]
    [DisplayName("Renew expiring subscriptions")]
    public async Task RenewExpiringAsync(CancellationToken ct)
    {
        var due = clock.GetUtcNow() + Options.RenewBefore;
        foreach (var subscription in state.Subscriptions().Where(s => s.ExpiresAt <= due))
            await RenewAsync(subscription.SubscriptionId, due, ct);
    }

    private async Task<bool> RenewOrForgetAsync(SubscriptionRecord subscription, CancellationToken ct)
    {
        var expiresAt = clock.GetUtcNow() + Options.SubscriptionLifetime;
        if (await subscriptions.RenewAsync(subscription.TenantId, subscription.SubscriptionId, expiresAt, ct))
        {
            state.SaveSubscription(subscription with { ExpiresAt = expiresAt });
            log.LogInformation("Renewed subscription {Id} for {Mailbox} until {Expiry:u}", subscription.SubscriptionId, subscription.Mailbox, expiresAt);
            return true;
        }
        state.DeleteSubscription(subscription.SubscriptionId);
        return false;
    }

    private async Task CreateAsync(string tenantId, string mailbox, CancellationToken ct)
    {
        var baseUrl = Options.PublicBaseUrl.TrimEnd('/');
        var secret = ClientStateCheck.NewSecret();
        var (id, expiresAt) = await subscriptions.SubscribeAsync(tenantId, mailbox,
            new Uri(baseUrl + GraphNotificationsApi.NotificationsPath), new Uri(baseUrl + GraphNotificationsApi.LifecyclePath),
            secret, clock.GetUtcNow() + Options.SubscriptionLifetime, ct);
        state.SaveSubscription(new SubscriptionRecord(id, tenantId, mailbox.ToLowerInvariant(), $"users/{mailbox}/mailFolders('inbox')/messages", secret, expiresAt));
        log.LogInformation("Subscribed to {Mailbox} (subscription {Id}, until {Expiry:u})", mailbox, id, expiresAt);
    }
}
