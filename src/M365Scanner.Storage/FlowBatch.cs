namespace M365Scanner.Storage;

/// <summary>
/// An open BeginBatch of a correspondence store (SQLite or PostgreSQL): the store's write transaction, owned by the flow that
/// began it (the caller and the tasks it starts) until the outermost scope is disposed.
/// </summary>
internal sealed class FlowBatch(Action<FlowBatch> end)
{
    private int _depth;

    /// <summary>False once the outermost scope has been disposed (a task that captured the batch and outlived it
    /// must then go through the store's writer lock like anyone else).</summary>
    public bool IsOpen { get; private set; } = true;

    /// <summary>A scope on this batch; the batch ends when every scope handed out is disposed.</summary>
    public IDisposable Enter()
    {
        Interlocked.Increment(ref _depth);
        return new Scope(this);
    }

    private void Leave()
    {
        if (Interlocked.Decrement(ref _depth) != 0)
            return;
        IsOpen = false;
        end(this);
    }

    private sealed class Scope(FlowBatch batch) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            // Disposing one scope twice must not end the batch under an outer scope still in use.
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                batch.Leave();
        }
    }
}
