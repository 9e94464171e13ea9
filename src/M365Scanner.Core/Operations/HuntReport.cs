namespace M365Scanner.Core.Operations;

/// <summary>
/// What one hunt did: a retro-hunt (re-scoring recent mail with today's graph, policy and known indicators) or an IOC
/// hunt (one indicator across every monitored mailbox). Saved when queued, while running and when finished.
/// </summary>
/// <param name="Id">A short opaque id, given when the hunt is queued.</param>
/// <param name="Kind">"retro" or "ioc" (see <see cref="HuntKind"/>).</param>
/// <param name="Indicator">The indicator in "kind:value" form for an IOC hunt; null for a retro-hunt.</param>
/// <param name="TenantId">The tenant hunted, or null for every tenant.</param>
/// <param name="WindowHours">How far back mail was read, in hours from the start of the hunt.</param>
/// <param name="Act">Whether matches are acted on (still only when the policy enforces); false reports only.</param>
/// <param name="Source">Through what it was asked for: "api", "feed", "schedule" (the console names its own).</param>
public sealed record HuntReport(
    string Id,
    HuntKind Kind,
    string? Indicator,
    string? TenantId,
    int WindowHours,
    bool Act,
    string Source,
    HuntState State,
    DateTimeOffset CreatedAt)
{
    /// <summary>Who asked for the hunt: the API key's or signed-in user's name, or "scanner" for a scheduled retro-hunt
    /// and the IOC feed. Every audit entry the hunt's actions create names the same actor. Null only for a hunt saved
    /// before requesters were recorded.</summary>
    public string? RequestedBy { get; init; }

    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public int MailboxesExamined { get; init; }
    public int MessagesExamined { get; init; }

    /// <summary>Matches whose action was carried out by this hunt.</summary>
    public int ActedOn { get; init; }

    public IReadOnlyList<HuntMatch> Matches { get; init; } = [];
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>From start to finish; null until finished.</summary>
    public TimeSpan? Duration => StartedAt is { } s && FinishedAt is { } f ? f - s : null;
}
