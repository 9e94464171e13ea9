using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.InMemory;

/// <summary>Release requests in process memory: for tests and the offline demo. Thread-safe; one lock, as the volume
/// (a user's press now and then) never makes it contended.</summary>
public sealed class InMemoryReleaseRequestStore : IReleaseRequestStore
{
    // In filing order, which is the order Open and Latest read.
    private readonly List<ReleaseRequest> _requests = [];
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public (ReleaseRequest Request, bool Filed) File(ReleaseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.State != ReleaseRequestState.Open)
            throw new ArgumentException("Only an open request can be filed.", nameof(request));
        lock (_lock)
        {
            if (_requests.FirstOrDefault(r => r.Key == request.Key && r.State == ReleaseRequestState.Open) is { } open)
                return (open, false);
            _requests.Add(request);
            return (request, true);
        }
    }

    /// <inheritdoc />
    public ReleaseRequest? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_lock)
            return _requests.FirstOrDefault(r => r.Id == id);
    }

    /// <inheritdoc />
    public ReleaseRequest? Latest(MessageKey key)
    {
        lock (_lock)
            return _requests.LastOrDefault(r => r.Key == key);
    }

    /// <inheritdoc />
    public IReadOnlyList<ReleaseRequest> Open(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_lock)
            return _requests.Where(r => r.State == ReleaseRequestState.Open).Take(limit).ToList();
    }

    /// <inheritdoc />
    public bool Decide(string id, ReleaseRequestState outcome, string decidedBy, DateTimeOffset at, string? reason)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(decidedBy);
        if (outcome == ReleaseRequestState.Open)
            throw new ArgumentException("A decision releases or denies.", nameof(outcome));
        lock (_lock)
        {
            var index = _requests.FindIndex(r => r.Id == id && r.State == ReleaseRequestState.Open);
            if (index < 0)
                return false;
            _requests[index] = _requests[index] with { State = outcome, DecidedBy = decidedBy, DecidedAt = at, DecisionReason = reason };
            return true;
        }
    }

    /// <inheritdoc />
    public int DeleteTenant(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        lock (_lock)
            return _requests.RemoveAll(r => r.Key.TenantId == tenantId);
    }
}
