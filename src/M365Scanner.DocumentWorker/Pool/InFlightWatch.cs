using System.Diagnostics;

namespace M365Scanner.DocumentWorker.Pool;

/// <summary>
/// Watches one worker while it holds one document: kills it when the document's time budget runs out or its
/// resident memory passes the ceiling. The GC heap limit the worker runs under already stops managed allocation;
/// resident memory also counts what that limit does not see (native buffers, a runaway runtime), so both are needed.
/// </summary>
/// <remarks>The verdict is recorded before the kill, under the same lock as <see cref="Stop"/>: a caller that sees
/// the worker's stdout end and then stops the watch always learns whether the watch was the cause.</remarks>
internal sealed class InFlightWatch : IDisposable
{
    private readonly Process process;
    private readonly TimeSpan budget;
    private readonly long ceilingBytes;
    private readonly Stopwatch elapsed = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private readonly Timer timer;
    private WorkerLoss? verdict;
    private bool stopped;

    /// <param name="budget"><see cref="Timeout.InfiniteTimeSpan"/> for no time limit.</param>
    public InFlightWatch(Process process, TimeSpan budget, long ceilingBytes, TimeSpan pollInterval)
    {
        this.process = process;
        this.budget = budget;
        this.ceilingBytes = ceilingBytes;
        // The first look is one interval in: most documents are answered before it, and reading a process's resident
        // size (procfs, parsed) at every hand-over cost the host a fifth of a core while the worker read.
        timer = new Timer(_ => Check(), null, pollInterval, pollInterval);
    }

    /// <summary>The largest resident size seen (0 when the watch ended before its first look).</summary>
    public long PeakResidentBytes { get; private set; }

    /// <summary>Records <paramref name="loss"/> and kills the worker, unless the watch already stopped or decided.</summary>
    public void KillFor(WorkerLoss loss)
    {
        lock (gate)
        {
            if (stopped || verdict is not null)
                return;
            verdict = loss;
            KillQuietly(process);
        }
    }

    /// <summary>Ends the watch; returns why it killed the worker, or null when it did not.</summary>
    public WorkerLoss? Stop()
    {
        lock (gate)
        {
            stopped = true;
            return verdict;
        }
    }

    public void Dispose()
    {
        Stop();
        timer.Dispose();
    }

    private void Check()
    {
        lock (gate)
        {
            if (stopped || verdict is not null)
                return;
            if (budget != Timeout.InfiniteTimeSpan && elapsed.Elapsed >= budget)
            {
                verdict = WorkerLoss.OverTime;
            }
            else if (ResidentBytesOf(process) is { } resident)
            {
                PeakResidentBytes = Math.Max(PeakResidentBytes, resident);
                if (resident > ceilingBytes)
                    verdict = WorkerLoss.OverMemory;
            }
            if (verdict is not null)
                KillQuietly(process);
        }
    }

    /// <summary>The process's resident size; null when it has exited.</summary>
    internal static long? ResidentBytesOf(Process process)
    {
        try
        {
            process.Refresh();
            return process.WorkingSet64;
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            return null; // it has exited; the reader will see its stdout end
        }
    }

    internal static void KillQuietly(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or ObjectDisposedException)
        {
            // Already exited.
        }
    }
}
