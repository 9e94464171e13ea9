using System.Diagnostics;
using M365Scanner.DocumentWorker.Protocol;

namespace M365Scanner.DocumentWorker.Pool;

/// <summary>
/// One running worker: a child process that reads one document at a time. Used by one caller at a time (the pool
/// leases it); <see cref="Kill"/> may come from any thread.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    // Far above any real answer (links are capped per message), far below what would hurt the parent.
    private const int MaxResponseBytes = 256 * 1024 * 1024;

    // How long a worker whose stdout ended gets to finish exiting before it is killed.
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(10);

    private readonly Process process;
    private readonly StderrCapture stderr = new();
    private readonly Stream stdin;
    private readonly Stream stdout;
    private readonly TimeSpan pollInterval;
    private long? lastLookAfterAnswer;

    private WorkerProcess(Process process, TimeSpan pollInterval)
    {
        this.process = process;
        this.pollInterval = pollInterval;
        stdin = process.StandardInput.BaseStream;
        stdout = process.StandardOutput.BaseStream;
        _ = stderr.DrainAsync(process.StandardError.BaseStream);
    }

    public int Id => process.Id;

    public bool HasExited
    {
        get
        {
            try
            {
                return process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    /// <summary>Starts a worker and waits until it says hello (at most <paramref name="readyTimeout"/>).</summary>
    /// <exception cref="WorkerStartException">It could not be started, died, or did not say hello in time.</exception>
    public static WorkerProcess Start(ProcessStartInfo startInfo, TimeSpan readyTimeout, TimeSpan pollInterval)
    {
        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new WorkerStartException("Process.Start returned no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            throw new WorkerStartException($"{startInfo.FileName}: {e.Message}", inner: e);
        }

        var worker = new WorkerProcess(process, pollInterval);
        using var startWatch = new InFlightWatch(process, readyTimeout, long.MaxValue, pollInterval);
        byte[]? hello = null;
        try
        {
            hello = Frames.Read(worker.stdout, maxLength: 1024);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ObjectDisposedException)
        {
            // Reported below, with the exit code.
        }
        var timedOut = startWatch.Stop() is not null;
        if (hello is not null && WorkerHello.Matches(hello) && !timedOut)
            return worker;

        var exitCode = hello is null || timedOut ? worker.WaitForExitCode() : null;
        worker.Dispose();
        throw timedOut ? new WorkerStartException($"not ready within {readyTimeout.TotalSeconds:0.#} s ({worker.Stderr()})")
            : hello is null ? new WorkerStartException($"it exited before it was ready ({worker.Stderr()})", exitCode)
            : new WorkerStartException("it speaks another protocol version");
    }

    /// <summary>Hands one document to the worker and waits for its answer, killing the worker over the time
    /// budget (counted from now) or the memory ceiling.</summary>
    public WorkerAnswer Read(ParseRequest request, string limitsJson, TimeSpan budget, long ceilingBytes)
    {
        stderr.Reset();
        ParseResponse? response = null;
        var outOfProtocol = false;
        using var watch = new InFlightWatch(process, budget, ceilingBytes, pollInterval);
        try
        {
            request.WriteTo(stdin, limitsJson);
            if (Frames.Read(stdout, MaxResponseBytes) is { } payload)
                response = ParseResponse.Read(payload);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Its pipes closed: it died or was killed. Which one is the watch's verdict or the exit code.
        }
        catch (InvalidDataException)
        {
            outOfProtocol = true;
            watch.KillFor(WorkerLoss.OutOfProtocol);
        }
        var verdict = watch.Stop();

        if (response is { Status: ParseStatus.Read } && !outOfProtocol)
            return new WorkerAnswer(response, null, null, WorkerReusable: verdict is null && !OverCeilingAfterAnswer(ceilingBytes),
                stderr.Text(), watch.PeakResidentBytes);
        if (response is not null || outOfProtocol)
        {
            Kill();
            return new WorkerAnswer(null, WorkerLoss.OutOfProtocol, null, false, stderr.Text(), watch.PeakResidentBytes);
        }

        var exitCode = WaitForExitCode();
        var loss = verdict ?? (exitCode == WorkerExitCodes.OutOfMemory ? WorkerLoss.OverMemory : WorkerLoss.Died);
        return new WorkerAnswer(null, loss, exitCode, false, stderr.Text(), watch.PeakResidentBytes);
    }

    // The watch first looks one poll interval into a document, so a worker that answers sooner is never looked at while
    // it reads. It is looked at after an answer instead, at most once an interval (reading its size is not free), and
    // one that has grown over the ceiling is not kept: its answer stands, and the next document gets a new worker.
    private bool OverCeilingAfterAnswer(long ceilingBytes)
    {
        if (lastLookAfterAnswer is { } at && Stopwatch.GetElapsedTime(at) < pollInterval)
            return false;
        lastLookAfterAnswer = Stopwatch.GetTimestamp();
        return InFlightWatch.ResidentBytesOf(process) is { } resident && resident > ceilingBytes;
    }

    /// <summary>Kills the worker; a document in flight ends as lost. Safe from any thread, at any time.</summary>
    public void Kill() => InFlightWatch.KillQuietly(process);

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private string Stderr() => stderr.Text() is { Length: > 0 } text ? $"stderr: {text}" : "nothing on stderr";

    private int? WaitForExitCode()
    {
        try
        {
            if (!process.WaitForExit(ExitGrace))
            {
                Kill();
                process.WaitForExit(ExitGrace);
            }
            return process.HasExited ? process.ExitCode : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
