namespace M365Scanner.Core.Scoring;

/// <summary>What scoring knows about the organisation itself.</summary>
/// <param name="Domains">The tenant's own (accepted) domains, lower case.</param>
/// <param name="InternalNames">Display names of the tenant's users, when the directory is known (lower case);
/// empty offline.</param>
public sealed record TenantProfile(IReadOnlySet<string> Domains, IReadOnlySet<string> InternalNames)
{
    public static TenantProfile For(IEnumerable<string> domains, IEnumerable<string>? internalNames = null) => new(
        domains.Select(d => d.Trim().TrimStart('@').ToLowerInvariant()).Where(d => d.Length > 0).ToHashSet(),
        (internalNames ?? []).Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0).ToHashSet());

    public bool IsInternal(string domain) => Domains.Contains(domain) ||
        Domains.Any(d => domain.EndsWith("." + d, StringComparison.Ordinal));
}
