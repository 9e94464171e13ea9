namespace M365Scanner.Host.Mailboxes;

/// <summary>The mailboxes the worker protects. Configuration names some; onboarding adds a consenting tenant's.</summary>
public interface IMonitoredMailboxes
{
    IReadOnlyList<MonitoredMailbox> All();
}
