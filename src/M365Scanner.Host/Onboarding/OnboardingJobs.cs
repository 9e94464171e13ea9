using System.ComponentModel;
using Azure.Identity;
using Hangfire;
using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Operations;
using M365Scanner.Graph.Clients;
using M365Scanner.Graph.Users;
using M365Scanner.Host.Baselines;
using M365Scanner.Host.Jobs;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Subscriptions;
using M365Scanner.Host.Tenants;
using M365Scanner.Host.Workers;

namespace M365Scanner.Host.Onboarding;

/// <summary>
/// A consented tenant's first steps and its last. Onboarding lists the users with a mailbox, stores them as the
/// tenant's mailboxes and queues for each what a first-time mailbox gets at start-up: a subscription, a delta
/// starting point and a 90-day baseline. Offboarding deletes the subscriptions at Graph and the tenant's data here.
/// </summary>
public sealed class OnboardingJobs(
    ITenantStore tenants, GraphUsers users, IMailboxSubscriptions subscriptions, IWorkerStateStore state, IVerdictStore verdicts,
    IScanAttemptStore attempts, IReleaseRequestStore releaseRequests, IAlertOutbox alerts, IPhishReportStore phishReports, TenantScanners scanners, ITenantGraphStorage graphs, TenantGraphClients graphClients, IBackgroundJobClient jobs,
    ILogger<OnboardingJobs> log)
{
    [Queue(JobQueues.Maintenance)]
    [DisplayName("Onboard tenant {0}: list mailboxes, subscribe, baseline")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 5, 30, 120, 600])]
    public async Task OnboardAsync(string tenantId, CancellationToken ct)
    {
        if (tenants.Get(tenantId) is not { } tenant || !TenantStates.IsProtected(tenant.State))
        {
            log.LogInformation("Tenant {Tenant} is no longer onboarding; nothing to do", tenantId);
            return;
        }
        var found = new List<string>();
        await foreach (var user in users.ListAsync(tenantId, ct))
            found.Add(user.Mail.ToLowerInvariant());
        tenants.SetMailboxes(tenantId, found);
        foreach (var mailbox in tenants.Mailboxes(tenantId))
        {
            jobs.Enqueue<SubscriptionJobs>(JobQueues.Maintenance, j => j.EnsureAsync(tenantId, mailbox, CancellationToken.None));
            jobs.Enqueue<CatchUpJob>(JobQueues.Maintenance, j => j.RunAsync(tenantId, mailbox, CancellationToken.None));
            jobs.Enqueue<BaselineJob>(JobQueues.Baselines, j => j.RunAsync(tenantId, mailbox, WorkerStartup.BaselineDays, CancellationToken.None));
        }
        tenants.Save(tenant with { State = TenantState.Active, Problem = null });
        log.LogInformation("Onboarded tenant {Tenant}: {Count} mailbox(es) queued for protection", tenantId, found.Count);
    }

    /// <summary>Deletes the tenant's subscriptions at Graph and here, then its verdicts and claims, scan attempts and
    /// poison marks, delta links, mailbox list and correspondence graph, and marks it offboarded. The audit log is kept: it is the record of
    /// what the scanner did to the tenant's mail, which the tenant may need after it leaves, and it is append-only.</summary>
    [Queue(JobQueues.Maintenance)]
    [DisplayName("Offboard tenant {0}: unsubscribe, delete its data")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 5, 30, 120, 600])]
    public async Task OffboardAsync(string tenantId, CancellationToken ct)
    {
        if (tenants.Get(tenantId) is not { } tenant)
            return;
        foreach (var subscription in state.Subscriptions(tenantId))
        {
            try
            {
                await subscriptions.UnsubscribeAsync(tenantId, subscription.SubscriptionId, ct);
            }
            catch (Exception e) when (e is AuthenticationFailedException or KeyNotFoundException)
            {
                // Consent already revoked (or the tenant already offboarded): the subscription can no longer be
                // deleted by us; Graph drops it at expiry, and its notifications find no subscription here.
                log.LogWarning("Could not delete subscription {Id} of tenant {Tenant}: {Reason}", subscription.SubscriptionId, tenantId, e.Message);
            }
            state.DeleteSubscription(subscription.SubscriptionId);
        }
        tenants.SetMailboxes(tenantId, []);
        graphClients.Forget(tenantId);
        state.DeleteTenant(tenantId);
        var deleted = verdicts.DeleteTenant(tenantId);
        attempts.DeleteTenant(tenantId);
        releaseRequests.DeleteTenant(tenantId);
        alerts.DeleteTenant(tenantId);
        phishReports.DeleteTenant(tenantId);
        scanners.Forget(tenantId);
        graphs.Delete(tenantId);
        // Last: "offboarded" tells the admin (and the tests) that the tenant's data is gone, so it is said only once it is.
        tenants.Save(tenant with { State = TenantState.Offboarded, Problem = null });
        log.LogInformation("Offboarded tenant {Tenant}: {Verdicts} verdict(s) and its correspondence graph deleted", tenantId, deleted);
    }
}
