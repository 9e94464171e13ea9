using System.Text.Json;
using M365Scanner.Core.Operations;

namespace M365Scanner.Host.Alerts;

/// <summary>One outbox row as <c>GET /api/admin/alerts</c> lists it: the webhook by name (never its URL or secret),
/// where the alert stands, and its payload as sent.</summary>
/// <param name="NextAttemptAt">When a pending alert is tried next; null once delivered or failed.</param>
/// <param name="LastError">Why the last failed attempt failed (kept after a later delivery).</param>
public sealed record AlertListing(
    string AlertId,
    string Webhook,
    string TenantId,
    string Mailbox,
    string MessageId,
    string State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? CompletedAt,
    string? LastError,
    JsonElement Payload)
{
    public static AlertListing From(OutboundAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        JsonElement payload;
        try
        {
            using var document = JsonDocument.Parse(alert.Payload);
            payload = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            payload = JsonSerializer.SerializeToElement(alert.Payload);
        }
        return new AlertListing(alert.Id, alert.Webhook, alert.Key.TenantId, alert.Key.Mailbox, alert.Key.MessageId,
            StableName.Of(alert.State), alert.Attempts, alert.CreatedAt,
            alert.State == AlertState.Pending ? alert.NextAttemptAt : null, alert.CompletedAt, alert.LastError, payload);
    }
}
