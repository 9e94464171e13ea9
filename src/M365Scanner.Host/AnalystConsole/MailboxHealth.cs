using M365Scanner.Core.Operations;
using M365Scanner.Host.Baselines;

namespace M365Scanner.Host.AnalystConsole;

/// <summary>A protected mailbox's plumbing as the tenant page shows it: how far its baseline has come and the
/// subscriptions that bring its new mail, with their expiry.</summary>
public sealed record MailboxHealth(string Mailbox, IReadOnlyList<BaselineProgress> Baseline, IReadOnlyList<SubscriptionRecord> Subscriptions)
{
    public bool BaselineComplete => BaselineStatus.IsComplete(Baseline);

    /// <summary>"sentitems: 90 learned (done); inbox: ..." or "not started" per folder.</summary>
    public string BaselineText => BaselineStatus.Describe(Baseline);

    public static IReadOnlyList<MailboxHealth> Of(string tenantId, IEnumerable<string> mailboxes, IWorkerStateStore state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var subscriptions = state.Subscriptions(tenantId);
        return [.. mailboxes.Select(mailbox => new MailboxHealth(mailbox, state.GetBaselineProgress(tenantId, mailbox),
            [.. subscriptions.Where(s => string.Equals(s.Mailbox, mailbox, StringComparison.OrdinalIgnoreCase)).OrderBy(s => s.ExpiresAt)]))];
    }
}
