using M365Scanner.Core.Policy;

namespace M365Scanner.Core.Operations;

/// <summary>A message whose scan was given up on, and the fail-safe verdict it got instead.</summary>
/// <param name="GraphMessageId">The Graph id the message had when it was marked.</param>
/// <param name="Reason">Why, in one sentence: "the scan failed 3 times: InvalidOperationException: ..." or a verdict
/// note such as one saying the document's parse worker died.</param>
/// <param name="Attempts">Scan attempts counted when it was marked.</param>
/// <param name="FirstSeen">When the first counted attempt started.</param>
/// <param name="LastSeen">When it was marked.</param>
/// <param name="Action">The action of the verdict recorded with it (quarantine for a message that could not be scanned).</param>
/// <param name="Enforced">False when the tenant is report-only: the action was recorded, not carried out.</param>
public sealed record PoisonMessage(
    MessageKey Key,
    string GraphMessageId,
    string Reason,
    int Attempts,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    MessageAction Action,
    bool Enforced,
    string? Subject = null,
    string? Sender = null);
