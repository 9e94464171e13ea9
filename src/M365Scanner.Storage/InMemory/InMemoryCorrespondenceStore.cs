using M365Scanner.Core.Correspondence;

namespace M365Scanner.Storage.InMemory;

/// <summary>A store in process memory: for tests and one-off offline scans.</summary>
public sealed class InMemoryCorrespondenceStore : ICorrespondenceStore
{
    private readonly Dictionary<EdgeKey, Tally> _edges = [];
    private readonly Lock _lock = new();

    public int EdgeCount
    {
        get { lock (_lock) return _edges.Count; }
    }

    public IReadOnlyDictionary<EdgeKey, Tally> Read(IReadOnlyCollection<EdgeKey> keys)
    {
        var found = new Dictionary<EdgeKey, Tally>();
        lock (_lock)
        {
            foreach (var key in keys)
                if (_edges.TryGetValue(key, out var tally))
                    found[key] = tally;
        }
        return found;
    }

    public IReadOnlySet<EdgeKey> Add(IReadOnlyCollection<EdgeObservation> observations)
    {
        var created = new HashSet<EdgeKey>();
        lock (_lock)
        {
            foreach (var (key, at) in observations)
            {
                if (_edges.TryGetValue(key, out var tally))
                    _edges[key] = tally.Add(Tally.Once(at));
                else
                {
                    _edges[key] = Tally.Once(at);
                    created.Add(key);
                }
            }
        }
        return created;
    }

    public IDisposable BeginBatch() => NoBatch.Instance;

    private sealed class NoBatch : IDisposable
    {
        public static readonly NoBatch Instance = new();
        public void Dispose() { }
    }
}
