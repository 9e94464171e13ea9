using System.Text.Json;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Scanning;

namespace M365Scanner.Host.Alerts;

/// <summary>
/// The alert about one flagged message, as the generic JSON webhook receives it (and the Teams card is drawn from):
/// what was decided and why, the flagged links and where they were found, never the message's body. Every text is
/// bounded, so a hostile message cannot make an alert a receiver refuses for its size.
/// </summary>
/// <param name="AlertId">Stable for this webhook and message: the same in every retry, a receiver may deduplicate on it.</param>
/// <param name="InternetMessageId">The Message-ID without angle brackets; null when the message had none.</param>
/// <param name="Action">"rewrite" or "quarantine".</param>
/// <param name="Enforced">False in report-only mode: the action was decided, not carried out.</param>
/// <param name="FlaggedLinksOmitted">Flagged links beyond the <see cref="MaxLinks"/> listed.</param>
/// <param name="ConsoleUrl">The message's page in the analysts' console; null when the console is not configured.</param>
public sealed record AlertPayload(
    string AlertId,
    string Type,
    string TenantId,
    string Mailbox,
    string? InternetMessageId,
    string? Sender,
    string? Subject,
    string Action,
    bool Enforced,
    double Score,
    string Explanation,
    IReadOnlyList<AlertLink> FlaggedLinks,
    int FlaggedLinksOmitted,
    string? ConsoleUrl,
    DateTimeOffset ScannedAt)
{
    public const string FlaggedMessage = "message.flagged";
    public const int MaxLinks = 10;
    public const int MaxReasons = 5;
    public const int MaxText = 1000;

    /// <summary>The most UTF-8 bytes an alert's JSON may take; links are left out (and counted in
    /// <see cref="FlaggedLinksOmitted"/>) until it fits.</summary>
    public const int MaxBytes = 32 * 1024;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The alert for <paramref name="verdict"/>, whose action is not allow.</summary>
    public static AlertPayload From(string alertId, VerdictRecord verdict, string? consoleUrl)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var key = verdict.Key;
        var flagged = LinkReport.ReadStored(verdict.LinksJson).Where(l => l.Action != "allow").ToList();
        var alert = new AlertPayload(alertId, FlaggedMessage, key.TenantId, key.Mailbox,
            key.MessageId.StartsWith(MessageKey.GraphIdPrefix, StringComparison.Ordinal) ? null : Clip(key.MessageId),
            Clip(verdict.Sender), Clip(verdict.Subject), StableName.Of(verdict.Action), verdict.Enforced, Math.Round(verdict.Score, 4),
            Clip(verdict.Explanation) ?? "", [.. flagged.Take(MaxLinks).Select(AlertLink.From)], Math.Max(0, flagged.Count - MaxLinks),
            consoleUrl, verdict.ScannedAt);
        while (alert.FlaggedLinks.Count > 0 && System.Text.Encoding.UTF8.GetByteCount(alert.ToJson()) > MaxBytes)
            alert = alert with { FlaggedLinks = alert.FlaggedLinks.SkipLast(1).ToList(), FlaggedLinksOmitted = alert.FlaggedLinksOmitted + 1 };
        return alert;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AlertPayload Parse(string json) =>
        JsonSerializer.Deserialize<AlertPayload>(json, Json) ?? throw new JsonException("An alert payload is null.");

    internal static string? Clip(string? text) => text is null || text.Length <= MaxText ? text : text[..MaxText] + "…";
}

/// <summary>One flagged link of an alert: as written, where it really leads, where in the message it was found
/// ("body", "attachment:invoice.pdf/page 1") and the scorer's reasons.</summary>
public sealed record AlertLink(string Url, string Target, string? Domain, string Origin, double Score, IReadOnlyList<string> Reasons)
{
    public static AlertLink From(LinkReport link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new AlertLink(AlertPayload.Clip(link.Url)!, AlertPayload.Clip(link.Target)!, AlertPayload.Clip(link.Domain), AlertPayload.Clip(link.Origin)!,
            link.Score, [.. link.Reasons.Take(AlertPayload.MaxReasons).Select(r => AlertPayload.Clip(r)!)]);
    }
}
