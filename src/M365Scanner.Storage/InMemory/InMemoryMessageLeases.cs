using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.InMemory;

/// <summary>Message leases in process memory: for tests and the offline demo, where one process is all there is.</summary>
public sealed class InMemoryMessageLeases : IMessageLeases
{
    private readonly Dictionary<MessageKey, (string Holder, DateTimeOffset Until)> _leases = [];
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public bool TryAcquire(MessageKey key, string holder, DateTimeOffset now, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(holder);
        lock (_lock)
        {
            if (_leases.TryGetValue(key, out var lease) && lease.Holder != holder && lease.Until >= now)
                return false;
            _leases[key] = (holder, until);
            return true;
        }
    }

    /// <inheritdoc />
    public void Release(MessageKey key, string holder)
    {
        lock (_lock)
        {
            if (_leases.TryGetValue(key, out var lease) && lease.Holder == holder)
                _leases.Remove(key);
        }
    }
}
