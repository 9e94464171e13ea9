namespace M365Scanner.DocumentWorker.Pool;

/// <summary>
/// The pool's places for workers: at most a fixed number, each either empty (no process yet, or its process was
/// lost) or holding an idle worker. Callers wait in one first-come, first-served queue and a freed place goes to
/// the longest waiter, so a document waits for the ones queued before it and no document is ever skipped.
/// </summary>
internal sealed class WorkerSlots
{
    private readonly Lock gate = new();
    private readonly Stack<WorkerProcess> idle = new();
    private readonly Queue<Waiter> waiters = new();
    private int empty;
    private bool closed;

    public WorkerSlots(int count) => empty = count;

    /// <summary>Waits for a place; returns its worker, or null when the place is empty and the caller must start
    /// one.</summary>
    /// <exception cref="ObjectDisposedException">The pool was closed before or while waiting.</exception>
    public WorkerProcess? Acquire()
    {
        Waiter waiter;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(closed, typeof(PdfWorkerPool));
            if (waiters.Count == 0)
            {
                if (idle.TryPop(out var worker))
                    return worker;
                if (empty > 0)
                {
                    empty--;
                    return null;
                }
            }
            waiter = new Waiter();
            waiters.Enqueue(waiter);
        }
        return waiter.Wait();
    }

    /// <summary>Gives a place back: with <paramref name="worker"/> still running, or empty (null) when it was lost.
    /// After <see cref="Close"/> the worker is killed instead.</summary>
    public void Release(WorkerProcess? worker)
    {
        lock (gate)
        {
            if (!closed)
            {
                if (waiters.TryDequeue(out var next))
                    next.Grant(worker);
                else if (worker is not null)
                    idle.Push(worker);
                else
                    empty++;
                return;
            }
        }
        worker?.Dispose();
    }

    /// <summary>Refuses every waiter and future caller; returns the idle workers for the caller to kill.</summary>
    public IReadOnlyList<WorkerProcess> Close()
    {
        lock (gate)
        {
            closed = true;
            while (waiters.TryDequeue(out var waiter))
                waiter.Refuse();
            var workers = idle.ToList();
            idle.Clear();
            return workers;
        }
    }

    private sealed class Waiter
    {
        private readonly ManualResetEventSlim granted = new();
        private WorkerProcess? worker;
        private bool refused;

        public void Grant(WorkerProcess? place)
        {
            worker = place;
            granted.Set();
        }

        public void Refuse()
        {
            refused = true;
            granted.Set();
        }

        public WorkerProcess? Wait()
        {
            granted.Wait();
            granted.Dispose();
            ObjectDisposedException.ThrowIf(refused, typeof(PdfWorkerPool));
            return worker;
        }
    }
}
