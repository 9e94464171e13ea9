using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Mailboxes;

/// <summary>
/// Each tenant's reporting mailbox (<see cref="ScannerHostOptions.ReportingMailboxes"/>): the mailbox users send
/// suspected phish to. It is subscribed to and caught up like a protected mailbox, but it is never one of
/// <see cref="IMonitoredMailboxes"/> (the protected set leaves it out even when configuration or onboarding names it),
/// so no scan, baseline, learning or hunt ever reads it: it is full of phish. Its messages are taken in as reports.
/// </summary>
public sealed class ReportingMailboxes(IOptions<ScannerHostOptions> options)
{
    /// <summary>Every tenant's reporting mailbox, lower case.</summary>
    public IReadOnlyList<MonitoredMailbox> All() =>
        [.. options.Value.ReportingMailboxes
            .Where(p => IsAddress(p.Value))
            .Select(p => new MonitoredMailbox { TenantId = p.Key, Mailbox = p.Value.Trim().ToLowerInvariant() })];

    /// <summary>The tenant's reporting mailbox, or null when it has none.</summary>
    public string? For(string tenantId) =>
        All().FirstOrDefault(m => string.Equals(m.TenantId, tenantId, StringComparison.OrdinalIgnoreCase))?.Mailbox;

    /// <summary>Whether <paramref name="mailbox"/> is the tenant's reporting mailbox.</summary>
    public bool Is(string tenantId, string mailbox) =>
        For(tenantId) is { } reporting && string.Equals(reporting, mailbox?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>One address, name@domain, nothing around it.</summary>
    public static bool IsAddress(string? value)
    {
        var text = value?.Trim() ?? "";
        var at = text.IndexOf('@');
        return at > 0 && at == text.LastIndexOf('@') && at < text.Length - 1 && !text.Any(c => char.IsWhiteSpace(c) || "<>\"(),;:".Contains(c));
    }
}
