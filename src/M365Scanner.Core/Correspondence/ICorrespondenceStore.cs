namespace M365Scanner.Core.Correspondence;

/// <summary>
/// Where one tenant's correspondence graph lives. Two calls and a batch scope: everything the graph does is
/// built on them, so a new store (SQLite, PostgreSQL, memory) implements only these.
/// </summary>
/// <remarks>Implementations must be safe for concurrent callers; <see cref="Add"/> must be atomic per call
/// (concurrent adds to one edge are not lost) and report an edge as new to exactly one caller.</remarks>
public interface ICorrespondenceStore
{
    /// <summary>The tallies of those of <paramref name="keys"/> that exist.</summary>
    IReadOnlyDictionary<EdgeKey, Tally> Read(IReadOnlyCollection<EdgeKey> keys);

    /// <summary>Adds the observations (several for one key add up) and returns the keys that did not exist before.</summary>
    IReadOnlySet<EdgeKey> Add(IReadOnlyCollection<EdgeObservation> observations);

    /// <summary>Adds <paramref name="observations"/>, then what <paramref name="followUp"/> derives from the keys that
    /// were new, as one unit (the graph's learning step: tenant prevalence moves only with new edges). Returns the keys
    /// the first write made.</summary>
    /// <remarks>The follow-up must use kinds that <paramref name="observations"/> do not: then every such unit writes
    /// its rows in one global order (each write in key order, the second's kinds never in the first), so a store with
    /// row locks can run concurrent units side by side without deadlock. This default runs them in a batch.</remarks>
    IReadOnlySet<EdgeKey> AddWithFollowUp(IReadOnlyCollection<EdgeObservation> observations,
        Func<IReadOnlySet<EdgeKey>, IReadOnlyCollection<EdgeObservation>> followUp)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        using var batch = BeginBatch();
        var created = Add(observations);
        var more = followUp(created);
        if (more.Count > 0)
            Add(more);
        return created;
    }

    /// <summary>Groups many <see cref="Add"/> calls into one unit (a transaction) for bulk baselines; dispose to commit.
    /// Calls on the same store from the same caller inside the scope join it.</summary>
    IDisposable BeginBatch();
}
