using M365Scanner.Core.Operations;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Scanning;

/// <summary>
/// Counts the attempts at a message's scan around the scan stage of a scan job (after the fetch and the claim):
/// an attempt is counted as it begins, so one whose process dies stays counted; one that ends with a transient
/// failure is taken back; one that fails otherwise keeps its error for the poison reason; a verdict clears the count.
/// Once <see cref="ScannerHostOptions.MaxScanAttempts"/> are counted, the next attempt is not begun: the message is
/// poison (<see cref="PoisonContainment"/>).
/// </summary>
public sealed class ScanAttemptTracker(
    IScanAttemptStore store, IOptions<ScannerHostOptions> options, TimeProvider clock, ILogger<ScanAttemptTracker> log)
{
    /// <summary>Counts an attempt, unless the limit is reached (<see cref="ScanAttempts.Started"/> false: poison).</summary>
    public ScanAttempts Begin(MessageKey key) => store.Begin(key, options.Value.MaxScanAttempts, clock.GetUtcNow());

    /// <summary>The attempt threw <paramref name="error"/>: taken back when it is transient (with
    /// <paramref name="shutdown"/>, the job's token, telling a host stopping from any other cancellation), kept with
    /// its error otherwise. Never throws: bookkeeping that fails must not hide the scan's own error.</summary>
    public void Failed(MessageKey key, Exception error, CancellationToken shutdown)
    {
        try
        {
            if (TransientFailures.IsTransient(error, shutdown))
                store.Uncount(key);
            else
                store.Fail(key, PoisonReasons.Describe(error));
        }
        catch (Exception bookkeeping)
        {
            log.LogWarning(bookkeeping, "Could not record the failed scan attempt of {Key}; it stays counted", key.MessageId);
        }
    }

    /// <summary>The scan ended with a verdict: its count is forgotten (a poison mark is kept).</summary>
    public void Succeeded(MessageKey key) => store.Clear(key);
}
