namespace M365Scanner.GraphEmulator.Identity;

/// <summary>Who is calling Graph, as read from a validated access token.</summary>
internal sealed record GraphCaller(string TenantId, string AppId, IReadOnlySet<string> Roles)
{
    public bool HasAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);
}
