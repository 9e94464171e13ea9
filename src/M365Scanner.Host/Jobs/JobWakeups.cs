namespace M365Scanner.Host.Jobs;

/// <summary>
/// The in-process signal that a job was committed to a queue: idle workers of this process wait on it as well as on
/// their poll, so a job enqueued here starts at once instead of at the next poll. Each wake ends the current wait and
/// arms the next; a worker reads the signal before it looks at the queue, so a job committed between its look and its
/// wait still wakes it.
/// </summary>
public sealed class JobWakeups
{
    private CancellationTokenSource _current = new();

    /// <summary>Cancelled by the next <see cref="Wake"/>.</summary>
    public CancellationToken Next => Volatile.Read(ref _current).Token;

    public void Wake() =>
        // Not disposed: a worker may still be linking to its token, and without a timer there is nothing to release.
        Interlocked.Exchange(ref _current, new CancellationTokenSource()).Cancel();
}
