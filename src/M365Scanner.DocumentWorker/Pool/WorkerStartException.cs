namespace M365Scanner.DocumentWorker.Pool;

/// <summary>A worker process could not be started or did not say hello.</summary>
internal sealed class WorkerStartException(string reason, int? exitCode = null, Exception? inner = null)
    : Exception(reason, inner)
{
    /// <summary>The worker's exit code when it started and then died before it was ready.</summary>
    public int? ExitCode { get; } = exitCode;
}
