using System.Collections.Frozen;

namespace M365Scanner.Core.Reference;

/// <summary>
/// How popular a registrable domain is on the web: its rank in the Tranco list (1 is the most visited), from the
/// longest ranking shipped. Tranco ranks registrable domains, so look up <c>Link.RegistrableDomain</c>, not a host.
/// </summary>
public sealed class PopularityRanks
{
    private readonly FrozenDictionary<string, int> _ranks;

    /// <param name="domainsInRankOrder">Domains, most popular first (rank = position + 1).</param>
    public PopularityRanks(IReadOnlyList<string> domainsInRankOrder)
    {
        ArgumentNullException.ThrowIfNull(domainsInRankOrder);
        var ranks = new Dictionary<string, int>(domainsInRankOrder.Count, StringComparer.Ordinal);
        for (var i = 0; i < domainsInRankOrder.Count; i++)
            ranks.TryAdd(domainsInRankOrder[i], i + 1);
        _ranks = ranks.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>How many domains are ranked.</summary>
    public int Count => _ranks.Count;

    /// <summary>The rank of <paramref name="registrableDomain"/> (lower case), or null when it is not ranked.</summary>
    public int? RankOf(string? registrableDomain) =>
        registrableDomain is not null && _ranks.TryGetValue(registrableDomain, out var rank) ? rank : null;
}
