namespace M365Scanner.Host.Onboarding;

/// <summary>What an app token proves about a consent: the organization it was issued for (<c>tid</c>, empty when the
/// token did not say) and the application roles granted there.</summary>
public sealed record ConsentGrant(string TenantId, IReadOnlyList<string> Roles);
