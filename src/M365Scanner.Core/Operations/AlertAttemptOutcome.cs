namespace M365Scanner.Core.Operations;

/// <summary>What one delivery attempt of an alert ended in, as the outbox records it.</summary>
/// <param name="State">Delivered, Failed (given up), or Pending again (to retry at <see cref="NextAttemptAt"/>).</param>
/// <param name="Attempts">Attempts made, this one included.</param>
/// <param name="At">When the attempt ended.</param>
/// <param name="NextAttemptAt">When to try again; only for Pending.</param>
/// <param name="Error">Why it did not deliver; null when it did.</param>
public sealed record AlertAttemptOutcome(AlertState State, int Attempts, DateTimeOffset At, DateTimeOffset? NextAttemptAt, string? Error)
{
    /// <summary>The longest error kept: a receiver's error page is not stored whole.</summary>
    public const int MaxErrorLength = 1000;

    public static AlertAttemptOutcome Delivered(int attempts, DateTimeOffset at) => new(AlertState.Delivered, attempts, at, null, null);

    public static AlertAttemptOutcome Retry(int attempts, DateTimeOffset at, DateTimeOffset next, string error) =>
        new(AlertState.Pending, attempts, at, next, Bound(error));

    public static AlertAttemptOutcome Failed(int attempts, DateTimeOffset at, string error) => new(AlertState.Failed, attempts, at, null, Bound(error));

    private static string Bound(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
}
