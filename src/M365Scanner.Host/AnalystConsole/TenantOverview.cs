using M365Scanner.Core.Operations;
using M365Scanner.Host.Mailboxes;

namespace M365Scanner.Host.AnalystConsole;

/// <summary>One tenant as the console lists it: what onboarding recorded (as <c>GET /api/admin/tenants</c> returns
/// it), or "configured" for a tenant named only in Scanner:Mailboxes, with the mailboxes protected in it.</summary>
/// <param name="Record">The onboarding record; null for a tenant known from configuration only.</param>
public sealed record TenantOverview(string TenantId, TenantRecord? Record, IReadOnlyList<string> Mailboxes)
{
    public const string Configured = "configured";

    public string State => Record is { } r ? StableName.Of(r.State) : Configured;

    /// <summary>Every tenant: the onboarded ones and those of configured mailboxes, by id.</summary>
    public static IReadOnlyList<TenantOverview> All(ITenantStore tenants, IMonitoredMailboxes monitored)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(monitored);
        var protectedNow = monitored.All();
        var records = tenants.All().ToDictionary(t => t.TenantId, StringComparer.OrdinalIgnoreCase);
        var ids = records.Keys.Concat(protectedNow.Select(m => m.TenantId)).Distinct(StringComparer.OrdinalIgnoreCase);
        return [.. ids.Order(StringComparer.OrdinalIgnoreCase).Select(id => Build(id, records.GetValueOrDefault(id), tenants, protectedNow))];
    }

    /// <summary>The tenant with <paramref name="tenantId"/>, or null when neither onboarding nor configuration knows it.</summary>
    public static TenantOverview? Find(string tenantId, ITenantStore tenants, IMonitoredMailboxes monitored)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(monitored);
        var protectedNow = monitored.All();
        var record = tenants.Get(tenantId);
        if (record is null && !protectedNow.Any(m => SameTenant(m.TenantId, tenantId)))
            return null;
        return Build(record?.TenantId ?? protectedNow.First(m => SameTenant(m.TenantId, tenantId)).TenantId, record, tenants, protectedNow);
    }

    private static TenantOverview Build(string tenantId, TenantRecord? record, ITenantStore tenants, IReadOnlyList<MonitoredMailbox> protectedNow)
    {
        var mailboxes = tenants.Mailboxes(tenantId)
            .Concat(protectedNow.Where(m => SameTenant(m.TenantId, tenantId)).Select(m => m.Mailbox.ToLowerInvariant()))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);
        return new TenantOverview(tenantId, record, [.. mailboxes]);
    }

    private static bool SameTenant(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
