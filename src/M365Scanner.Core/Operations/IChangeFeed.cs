namespace M365Scanner.Core.Operations;

/// <summary>Every change to a store's rows, in the order they became visible, for exporters that poll with a cursor
/// (a SIEM): a row written again gets a new, larger sequence and is read again at its new state; a row written
/// several times between two reads is read once, at its newest state. Deletions are not changes.</summary>
/// <remarks>The guarantee exporters rely on: once a read has returned sequence <c>n</c>, no change with a sequence of
/// <c>n</c> or less becomes visible later. Stores keep it by taking the sequence and committing the write as one
/// step serialized per feed, so sequence order is commit order.</remarks>
public interface IChangeFeed<T>
{
    /// <summary>Where a page of at most <paramref name="limit"/> changes after <paramref name="after"/> ends: the
    /// sequence of the last of them, or null when there is none. Rows of the page read later through
    /// <see cref="Read"/> with this end can only leave the page (written again: they move past it), never join it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    long? PageEnd(long after, int limit, string? tenantId = null);

    /// <summary>The changes with a sequence above <paramref name="after"/> and at most <paramref name="through"/>,
    /// at most <paramref name="limit"/> of them, in sequence order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    IReadOnlyList<Change<T>> Read(long after, long through, int limit, string? tenantId = null);
}
