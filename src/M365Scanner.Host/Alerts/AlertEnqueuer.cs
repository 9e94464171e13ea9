using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.AnalystConsole;
using M365Scanner.Host.Scanning;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Alerts;

/// <summary>
/// Puts one alert per webhook that wants it into the outbox for each flagged verdict, before the verdict is recorded
/// (<see cref="IVerdictHandoff"/>). The outbox keeps one row per (webhook, message), so the same verdict handed over
/// again (a retried job, a restarted host) adds nothing, and the first payload stands.
/// </summary>
public sealed class AlertEnqueuer(
    IAlertOutbox outbox, AlertSignal signal, IOptions<AlertOptions> options, IOptions<ScannerHostOptions> host,
    IOptions<ConsoleOptions> console, TimeProvider clock, ILogger<AlertEnqueuer> log) : IVerdictHandoff
{
    public void BeforeRecord(VerdictRecord verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.Action == MessageAction.Allow)
            return;
        var added = 0;
        foreach (var webhook in options.Value.Webhooks.Where(w => w.Wants(verdict.Key.TenantId, verdict.Action)))
        {
            var id = AlertIds.For(webhook.Name, verdict.Key);
            var payload = AlertPayload.From(id, verdict, ConsoleUrl(verdict.Key)).ToJson();
            if (outbox.Enqueue(OutboundAlert.New(id, webhook.Name, verdict.Key, payload, clock.GetUtcNow())))
            {
                added++;
                log.LogInformation("Alert {AlertId} for {Key} enqueued for webhook {Webhook}", id, verdict.Key.MessageId, webhook.Name);
            }
        }
        if (added > 0)
            signal.Wake();
    }

    private string? ConsoleUrl(MessageKey key) =>
        console.Value.Enabled ? host.Value.PublicBaseUrl.TrimEnd('/') + ConsolePaths.MessagePage(key) : null;
}
