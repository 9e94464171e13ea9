namespace M365Scanner.Core.Operations;

/// <summary>
/// A message a user reported as phishing by sending it to the tenant's reporting mailbox, what the report's MIME said of
/// the original, and the analyst's decision on it. The decided report is also the feedback an evaluation reads: the
/// original's Message-ID in the reporter's mailbox with the label <see cref="Label"/>.
/// </summary>
/// <param name="Id">The report's id, made when it is recorded.</param>
/// <param name="TenantId">The tenant whose reporting mailbox received it.</param>
/// <param name="ReportKey">The report message's Internet Message-ID (its Graph id, prefixed, when it had none): one
/// report per report message, whatever duplicate notifications say.</param>
/// <param name="Reporter">The report's sender, lower case.</param>
/// <param name="ReporterVerified">Whether the reporter is one of the tenant's monitored mailboxes; an unverified
/// reporter's report is kept, but its original is not looked up in anyone's mailbox.</param>
/// <param name="OriginalMessageId">The reported original's Message-ID without angle brackets; null when unknown.</param>
/// <param name="Links">The original's links, each its unwrapped target, as the product's extraction found them.</param>
/// <param name="Notes">What the intake could not do ("unreadable: ...", "no attached message: ..."), one a line.</param>
public sealed record PhishReport(
    string Id,
    string TenantId,
    string ReportKey,
    string Reporter,
    bool ReporterVerified,
    DateTimeOffset ReportedAt,
    string? OriginalMessageId,
    string? OriginalSender,
    string? OriginalSubject,
    IReadOnlyList<string> Links,
    string Notes,
    PhishReportState State = PhishReportState.Open,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    string? DecisionReason = null)
{
    /// <summary>The hunts a confirmation started, one per indicator.</summary>
    public IReadOnlyList<string> HuntIds { get; init; } = [];

    /// <summary>The analyst's label of the original, for feedback: "phish", "benign", or null while open.</summary>
    public string? Label => State switch
    {
        PhishReportState.Confirmed => "phish",
        PhishReportState.Dismissed => "benign",
        _ => null,
    };

    /// <summary>The original's key in the reporter's mailbox, where the scanner's verdict on it is kept; null when the
    /// original's Message-ID is unknown or the reporter is not a monitored mailbox.</summary>
    public MessageKey? OriginalKey => ReporterVerified && OriginalMessageId is { Length: > 0 } id
        ? new MessageKey(TenantId, Reporter, id) : null;
}
