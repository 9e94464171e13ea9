using M365Scanner.Core.Correspondence;

namespace M365Scanner.Storage.Postgres;

/// <summary>The observations of one Add as the column arrays of one upsert: one row per key (several sightings of a
/// key add up), sorted by key, so every writer locks shared rows in the same order.</summary>
internal sealed class EdgeRows
{
    private readonly Dictionary<EdgeKey, long> _counts;

    private EdgeRows(Dictionary<EdgeKey, (long Count, DateTime First, DateTime Last)> merged)
    {
        var keys = merged.Keys.ToArray();
        Array.Sort(keys, Compare);
        Kinds = new short[keys.Length];
        Froms = new string[keys.Length];
        Tos = new string[keys.Length];
        Counts = new long[keys.Length];
        Firsts = new DateTime[keys.Length];
        Lasts = new DateTime[keys.Length];
        _counts = new Dictionary<EdgeKey, long>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            var (count, first, last) = merged[keys[i]];
            (Kinds[i], Froms[i], Tos[i]) = ((short)keys[i].Kind, keys[i].From, keys[i].To);
            (Counts[i], Firsts[i], Lasts[i]) = (count, first, last);
            _counts[keys[i]] = count;
        }
    }

    public short[] Kinds { get; }
    public string[] Froms { get; }
    public string[] Tos { get; }
    public long[] Counts { get; }
    public DateTime[] Firsts { get; }
    public DateTime[] Lasts { get; }

    /// <exception cref="ArgumentException">An observation's key has a null From or To.</exception>
    public static EdgeRows Merge(IReadOnlyCollection<EdgeObservation> observations)
    {
        var merged = new Dictionary<EdgeKey, (long Count, DateTime First, DateTime Last)>(observations.Count);
        foreach (var (key, at) in observations)
        {
            if (key.From is null || key.To is null)
                throw new ArgumentException("An edge key needs both From and To.", nameof(observations));
            var seconds = PostgresCommands.Seconds(at);
            merged[key] = merged.TryGetValue(key, out var m)
                ? (m.Count + 1, seconds < m.First ? seconds : m.First, seconds > m.Last ? seconds : m.Last)
                : (1, seconds, seconds);
        }
        return new EdgeRows(merged);
    }

    /// <summary>How many sightings of <paramref name="key"/> this Add brings.</summary>
    public long CountOf(EdgeKey key) => _counts[key];

    // Ordinal: a total order that does not depend on the culture of the host process.
    private static int Compare(EdgeKey a, EdgeKey b)
    {
        var byKind = a.Kind.CompareTo(b.Kind);
        if (byKind != 0)
            return byKind;
        var byFrom = string.CompareOrdinal(a.From, b.From);
        return byFrom != 0 ? byFrom : string.CompareOrdinal(a.To, b.To);
    }
}
