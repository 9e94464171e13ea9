using System.Text.Json.Serialization;
using M365Scanner.Core.Policy;

namespace M365Scanner.Core.Operations;

/// <summary>What was decided for one message, as stored and shown to analysts.</summary>
/// <param name="GraphMessageId">The Graph id the message had when it was scanned.</param>
/// <param name="Action">What the policy decided, whether or not it was enforced; "allow", "rewrite" or "quarantine" in
/// JSON and SQL.</param>
/// <param name="Enforced">False in report-only mode: the action was recorded, not carried out.</param>
/// <param name="LinksJson">The links with their scores and reasons, as JSON (the CLI's link shape).</param>
/// <param name="Notes">Extraction notes and caveats (e.g. "baseline incomplete"), one per line.</param>
public sealed record VerdictRecord(
    MessageKey Key,
    string GraphMessageId,
    DateTimeOffset ScannedAt,
    // Only here, not on the enum: MessageAction travels in other JSON too, which this must not change.
    [property: JsonConverter(typeof(JsonStringEnumConverter<MessageAction>))] MessageAction Action,
    double Score,
    string Explanation,
    bool Enforced,
    string LinksJson,
    string Notes,
    string? Subject = null,
    string? Sender = null);
