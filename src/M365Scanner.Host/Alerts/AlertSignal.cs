namespace M365Scanner.Host.Alerts;

/// <summary>Wakes this host's dispatcher when it enqueues an alert, so an alert leaves at once rather than at the next
/// poll; other hosts' alerts are found by polling.</summary>
public sealed class AlertSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake-pending: one wake covers every alert enqueued before the dispatcher reads the outbox.
        }
    }

    /// <summary>Waits until <see cref="Wake"/> or <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}
