using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Rows;

/// <summary>The <c>alert_outbox</c> table's columns and state names, and the rules every provider applies alike.</summary>
internal static class AlertRows
{
    public const string Columns =
        "id, webhook, tenant_id, mailbox, message_id, payload, created_at, state, attempts, next_attempt_at, last_error, completed_at";

    public static string StateName(AlertState state) => StableName.Of(state);

    public static AlertState State(string name) =>
        StableName.TryParse<AlertState>(name, out var state) ? state : throw new InvalidDataException($"Unknown alert state '{name}'.");

    public static void CheckEnqueued(OutboundAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (alert.State != AlertState.Pending)
            throw new ArgumentException("Only a pending alert can be enqueued.", nameof(alert));
    }

    /// <summary>The alert after <paramref name="outcome"/>: a pending one keeps its due time unless the outcome
    /// names the next; a delivered or failed one is completed at the outcome's time.</summary>
    public static OutboundAlert Apply(OutboundAlert alert, AlertAttemptOutcome outcome) => alert with
    {
        State = outcome.State,
        Attempts = outcome.Attempts,
        NextAttemptAt = outcome.NextAttemptAt ?? alert.NextAttemptAt,
        LastError = outcome.Error ?? alert.LastError,
        CompletedAt = outcome.State == AlertState.Pending ? null : outcome.At,
    };
}
