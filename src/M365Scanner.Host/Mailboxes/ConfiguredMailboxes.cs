using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Mailboxes;

/// <summary>The mailboxes listed under Scanner:Mailboxes.</summary>
public sealed class ConfiguredMailboxes(IOptions<ScannerHostOptions> options) : IMonitoredMailboxes
{
    public IReadOnlyList<MonitoredMailbox> All() => options.Value.Mailboxes;
}
