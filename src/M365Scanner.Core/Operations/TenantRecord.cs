namespace M365Scanner.Core.Operations;

/// <summary>A tenant that went through admin consent.</summary>
/// <param name="State">onboarding | active | offboarded | consent-failed; see <see cref="TenantState"/>.</param>
/// <param name="ConsentedAt">When the admin-consent callback for it was accepted.</param>
/// <param name="GrantedRoles">The application roles its app token carried when consent was verified.</param>
/// <param name="Problem">Why it is not protected (a missing role, a failed offboarding...), in plain words.</param>
public sealed record TenantRecord(
    string TenantId,
    TenantState State,
    DateTimeOffset? ConsentedAt,
    IReadOnlyList<string> GrantedRoles,
    string? Problem)
{
    /// <summary>Who asked for the tenant's latest change of state: "admin consent" for the consent callback, else
    /// the API key's or signed-in user's name (offboarding, re-admission). Null for a tenant saved before this was
    /// recorded.</summary>
    public string? ChangedBy { get; init; }
}
