namespace M365Scanner.Host.Onboarding;

/// <summary>
/// The consent states already redeemed on this host, each remembered until it would have expired anyway, so a
/// replayed callback is refused. Bounded: at most <see cref="Capacity"/> live entries; when that many states were
/// redeemed within one state lifetime, further callbacks are refused until some expire (failing closed: a flood of
/// redemptions can delay onboarding, never let a replay through or grow memory without bound).
/// </summary>
/// <remarks>Per process: with several hosts a replay that reaches another host is not caught here, but the callback
/// it repeats is verified again with an app token and changes nothing the first call did not (see OnboardingApi).</remarks>
public sealed class UsedConsentStates
{
    public const int Capacity = 100_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _byExpiry = new();

    /// <summary>Marks <paramref name="id"/> used; false when it was used before, or when the store is full.</summary>
    public bool TryUse(string id, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        lock (_lock)
        {
            while (_byExpiry.TryPeek(out var oldest, out var expiry) && expiry <= now)
            {
                _byExpiry.Dequeue();
                _used.Remove(oldest);
            }
            if (_used.Count >= Capacity || !_used.TryAdd(id, expiresAt))
                return false;
            _byExpiry.Enqueue(id, expiresAt);
            return true;
        }
    }

    /// <summary>Live entries, for tests and diagnostics.</summary>
    public int Count
    {
        get { lock (_lock) return _used.Count; }
    }
}
