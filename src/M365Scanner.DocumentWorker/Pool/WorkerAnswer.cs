using M365Scanner.DocumentWorker.Protocol;

namespace M365Scanner.DocumentWorker.Pool;

/// <summary>What became of one document handed to a worker: its response, or why there is none.</summary>
/// <param name="Response">The worker's response; null when it was lost.</param>
/// <param name="Loss">Why there is no response (null when there is one).</param>
/// <param name="ExitCode">The lost worker's exit code, when it exited.</param>
/// <param name="WorkerReusable">True when the worker answered and is still running, so it may take the next
/// document.</param>
/// <param name="Stderr">The beginning of what the worker wrote to stderr during the document.</param>
internal sealed record WorkerAnswer(ParseResponse? Response, WorkerLoss? Loss, int? ExitCode, bool WorkerReusable,
    string Stderr, long PeakResidentBytes);
