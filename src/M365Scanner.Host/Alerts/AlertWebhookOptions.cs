using M365Scanner.Core.Policy;

namespace M365Scanner.Host.Alerts;

/// <summary>One receiver of alerts (an item of <c>Alerts:Webhooks</c>).</summary>
public sealed class AlertWebhookOptions
{
    /// <summary>Names the webhook in the outbox, the logs and the admin API (its URL is never shown: for Teams it is the
    /// secret). Unique; letters, digits, '-', '_' and '.'.</summary>
    public string Name { get; set; } = "";

    /// <summary>Where alerts are POSTed: https, or http to 127.0.0.1 / localhost only.</summary>
    public string Url { get; set; } = "";

    public AlertFormat Format { get; set; } = AlertFormat.Json;

    /// <summary>The key of the HMAC-SHA256 signature (<see cref="AlertFormat.Json"/>, required there, 16 characters at
    /// least); unused for Teams. From a secret store or an environment variable, never committed.</summary>
    public string? Secret { get; set; }

    /// <summary>Only these tenants' messages; empty: every tenant.</summary>
    public List<string> Tenants { get; set; } = [];

    /// <summary>The least action that alerts: Rewrite (the default: rewrites and quarantines) or Quarantine. A report-only
    /// verdict counts by the action it would have taken.</summary>
    public MessageAction MinimumAction { get; set; } = MessageAction.Rewrite;

    /// <summary>Whether a verdict of <paramref name="tenantId"/> with <paramref name="action"/> alerts this webhook.</summary>
    public bool Wants(string tenantId, MessageAction action) =>
        action != MessageAction.Allow && Severity(action) >= Severity(MinimumAction) &&
        (Tenants.Count == 0 || Tenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase));

    private static int Severity(MessageAction action) => action switch
    {
        MessageAction.Allow => 0,
        MessageAction.Rewrite => 1,
        _ => 2,
    };
}
