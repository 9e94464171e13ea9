namespace M365Scanner.Core.Operations;

/// <summary>
/// Users' requests to release a held message, and the analysts' decisions: at most one open request per message, so a
/// second press of "Request release" finds the first instead of queueing a duplicate.
/// </summary>
/// <remarks>Each call is atomic on its own; two hosts filing for the same message at once leave one open request.</remarks>
public interface IReleaseRequestStore
{
    /// <summary>Files <paramref name="request"/> (state <see cref="ReleaseRequestState.Open"/>) unless the message
    /// already has an open request; returns the open request in force and whether it is the one just filed.</summary>
    /// <exception cref="ArgumentException">The request is not open.</exception>
    (ReleaseRequest Request, bool Filed) File(ReleaseRequest request);

    /// <summary>The request with this id, or null.</summary>
    ReleaseRequest? Get(string id);

    /// <summary>The message's latest request (open or decided), or null when none was ever filed.</summary>
    ReleaseRequest? Latest(MessageKey key);

    /// <summary>The open requests, oldest first (the order an analyst should answer them), at most <paramref name="limit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    IReadOnlyList<ReleaseRequest> Open(int limit);

    /// <summary>Records an analyst's decision on an open request; false (nothing changed) when the request is unknown or
    /// already decided, so two analysts answering at once leave the first decision.</summary>
    /// <exception cref="ArgumentException"><paramref name="outcome"/> is <see cref="ReleaseRequestState.Open"/>.</exception>
    bool Decide(string id, ReleaseRequestState outcome, string decidedBy, DateTimeOffset at, string? reason);

    /// <summary>Deletes every request of the tenant, open or decided (offboarding: they name its users and their notes,
    /// and their messages' verdicts go too); returns how many.</summary>
    int DeleteTenant(string tenantId);
}
