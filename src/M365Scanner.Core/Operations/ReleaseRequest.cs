namespace M365Scanner.Core.Operations;

/// <summary>
/// A user's request that a message held from them be released, filed from the blocked-link page, and the analyst's
/// decision on it.
/// </summary>
/// <param name="Id">The request's id, made when it is filed.</param>
/// <param name="Key">The message, as the blocked link's signed token names it.</param>
/// <param name="RequestedBy">The mailbox owner the token names: the page needs no sign-in, the signed link is the proof.</param>
/// <param name="Note">What the user wrote, bounded by <see cref="MaxNoteLength"/>; null when nothing.</param>
/// <param name="DecidedBy">The analyst who approved or denied it; null while open.</param>
/// <param name="DecisionReason">The analyst's reason, shown to the user; null while open.</param>
public sealed record ReleaseRequest(
    string Id,
    MessageKey Key,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string? Note,
    ReleaseRequestState State = ReleaseRequestState.Open,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    string? DecisionReason = null)
{
    /// <summary>The longest note a user may add: enough for a sentence or two, not a place to paste a message.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>A new open request; its id is minted by the caller, since the core reads no clock and mints no ids.</summary>
    public static ReleaseRequest New(string id, MessageKey key, string requestedBy, DateTimeOffset at, string? note) =>
        new(id, key, requestedBy, at, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
}
