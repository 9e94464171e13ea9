using M365Scanner.Core.Policy;

namespace M365Scanner.Core.Operations;

/// <summary>
/// Each tenant's policy override and its allow and block entries. Nothing is ever deleted: an override change appends
/// a version and a removal marks its entry, so the store is also the audit trail of every policy change (who, when,
/// what), which the message-centric <see cref="IAuditLog"/> has no room for.
/// </summary>
public interface IPolicyStore
{
    /// <summary>The override in force for the tenant, or null when it never had one (it inherits the global policy).</summary>
    TenantPolicyVersion? Current(string tenantId);

    /// <summary>Every version saved for the tenant, the newest first.</summary>
    IReadOnlyList<TenantPolicyVersion> History(string tenantId);

    /// <summary>Appends a version, which is in force from now on.</summary>
    void Save(TenantPolicyVersion version);

    /// <summary>Adds an entry.</summary>
    /// <exception cref="InvalidOperationException">An entry with the same id exists.</exception>
    void Add(PolicyEntry entry);

    /// <summary>The tenant's entries in the order they were added; removed ones only when asked for.</summary>
    IReadOnlyList<PolicyEntry> Entries(string tenantId, bool includeRemoved = false);

    /// <summary>Marks an active entry removed by <paramref name="actor"/> at <paramref name="at"/>.</summary>
    /// <returns>The entry as it now is (unchanged when it was already removed), or null when the tenant has no such entry.</returns>
    PolicyEntry? Remove(string tenantId, string entryId, string actor, DateTimeOffset at);
}
