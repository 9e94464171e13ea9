namespace M365Scanner.Core.Operations;

/// <summary>
/// The tenants onboarded by admin consent and the mailboxes found in each.
/// Tenants configured in appsettings.json are not here: this store only knows what onboarding added.
/// </summary>
public interface ITenantStore
{
    /// <summary>Saves a new tenant or replaces the stored one (its mailboxes are kept).</summary>
    void Save(TenantRecord tenant);

    TenantRecord? Get(string tenantId);

    /// <summary>Every tenant, by id.</summary>
    IReadOnlyList<TenantRecord> All();

    /// <summary>Replaces the tenant's mailboxes (addresses are kept lower-case, without duplicates).</summary>
    void SetMailboxes(string tenantId, IEnumerable<string> mailboxes);

    /// <summary>The tenant's mailboxes, sorted; empty when it has none or is unknown.</summary>
    IReadOnlyList<string> Mailboxes(string tenantId);
}
