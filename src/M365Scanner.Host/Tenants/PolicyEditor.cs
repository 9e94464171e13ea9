using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;

namespace M365Scanner.Host.Tenants;

/// <summary>
/// Every change to a tenant's policy, whether from the admin API or the console: checked, recorded with who made it in
/// the <see cref="IPolicyStore"/> (which keeps every version and every removed entry), logged, and in force for the
/// tenant's next scan on this host.
/// </summary>
public sealed class PolicyEditor(IPolicyStore store, TenantPolicies policies, TimeProvider clock, ILogger<PolicyEditor> log)
{
    public const int MaxReason = 1000;

    /// <summary>Saves a new override. Returns the problem when it is not valid (nothing saved then).</summary>
    public string? SetOverride(string tenantId, TenantPolicyOverride tenantOverride, string actor)
    {
        if (InvalidId(tenantId))
            return "a tenant id is required";
        if (tenantOverride.Problem() is { } problem)
            return problem;
        store.Save(new TenantPolicyVersion(tenantId, tenantOverride, actor, clock.GetUtcNow()));
        policies.Changed(tenantId);
        log.LogInformation("Policy of tenant {TenantId} changed by {Actor}: {Override}", tenantId, actor, tenantOverride);
        return null;
    }

    /// <summary>Adds an allow or block entry; <paramref name="mailbox"/> null scopes it to the whole tenant.</summary>
    public (PolicyEntry? Entry, string? Problem) AddEntry(string tenantId, PolicyEntryEffect effect, PolicyEntryKind kind, string? value,
        string? mailbox, string? reason, string actor)
    {
        if (InvalidId(tenantId))
            return (null, "a tenant id is required");
        if (PolicyEntry.Normalize(kind, value) is not { } normalized)
            return (null, $"'{Shorten(value)}' is not a valid {StableName.Of(kind)}");
        mailbox = string.IsNullOrWhiteSpace(mailbox) ? null : mailbox.Trim().ToLowerInvariant();
        if (mailbox is not null && PolicyEntry.Normalize(PolicyEntryKind.SenderAddress, mailbox) is null)
            return (null, "mailbox must be an address, or absent for the whole tenant");
        reason = (reason ?? "").Trim();
        if (reason.Length > MaxReason)
            return (null, $"reason is longer than {MaxReason} characters");
        var entry = new PolicyEntry(Guid.NewGuid().ToString("N"), tenantId, effect, kind, normalized, mailbox, actor, clock.GetUtcNow(), reason);
        store.Add(entry);
        policies.Changed(tenantId);
        log.LogInformation("Policy entry {EntryId} added to tenant {TenantId} by {Actor}: {Entry}", entry.Id, tenantId, actor, entry.Describe());
        return (entry, null);
    }

    /// <summary>Removes an active entry; null when the tenant has no such entry. The store keeps who removed it and
    /// when; <paramref name="reason"/> (the console asks for one) goes to the log beside them.</summary>
    public PolicyEntry? RemoveEntry(string tenantId, string entryId, string actor, string? reason = null)
    {
        if (InvalidId(tenantId) || InvalidId(entryId))
            return null;
        if (store.Remove(tenantId, entryId, actor, clock.GetUtcNow()) is not { } removed)
            return null;
        policies.Changed(tenantId);
        log.LogInformation("Policy entry {EntryId} of tenant {TenantId} removed by {Actor}: {Reason}", entryId, tenantId, actor,
            Shorten((reason ?? "").Trim(), MaxReason));
        return removed;
    }

    public static bool InvalidId(string? id) => string.IsNullOrWhiteSpace(id) || id.Length > 128 || id.Any(char.IsControl);

    private static string Shorten(string? text, int length = 64) => text is null ? "" : text.Length > length ? text[..length] + "…" : text;
}
