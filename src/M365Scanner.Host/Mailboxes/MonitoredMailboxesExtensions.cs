namespace M365Scanner.Host.Mailboxes;

public static class MonitoredMailboxesExtensions
{
    /// <summary>Whether the mailbox is still protected: jobs queued before a tenant was offboarded check this and stop,
    /// rather than re-create state for a tenant that asked for its data to be deleted.</summary>
    public static bool Contains(this IMonitoredMailboxes mailboxes, string tenantId, string mailbox) =>
        mailboxes.All().Any(m => string.Equals(m.TenantId, tenantId, StringComparison.OrdinalIgnoreCase)
                                 && string.Equals(m.Mailbox, mailbox, StringComparison.OrdinalIgnoreCase));
}
