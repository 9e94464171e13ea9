using M365Scanner.Core.Operations;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Alerts;

/// <summary>
/// Sends the outbox's due alerts, on every host: a hosted service rather than a Hangfire job, because it polls every
/// few seconds (below Hangfire's one-minute cron) and is woken at once by its own host's new alerts. Hosts sharing a
/// PostgreSQL store take alerts under a lease (<see cref="IAlertOutbox.Claim"/>), so two never send one at the same
/// time. Delivery is at least once: a host that stops between a receiver's 2xx and recording it sends that alert again
/// once its lease lapses, with the same <see cref="AlertSender.AlertIdHeader"/>.
/// </summary>
public sealed class AlertDispatcher(
    IAlertOutbox outbox, AlertSender sender, AlertRetrySchedule schedule, AlertSignal signal, IOptions<AlertOptions> options,
    TimeProvider clock, ILogger<AlertDispatcher> log) : BackgroundService
{
    // Unique per process run: a restarted host must not find itself holding its predecessor's leases.
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Webhooks.Count == 0)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A store that is briefly unreachable must not end delivery for the life of the process.
                log.LogError(e, "Reading the alert outbox failed; trying again in {Interval}", options.Value.PollInterval);
            }
            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends every alert due now, a batch at a time, until a batch comes back short.</summary>
    public async Task DispatchDueAsync(CancellationToken ct)
    {
        var o = options.Value;
        while (!ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var batch = outbox.Claim(_owner, now, now + o.Lease, o.BatchSize);
            await Task.WhenAll(batch.Select(alert => SendAsync(alert, ct)));
            if (batch.Count < o.BatchSize)
                return;
        }
    }

    private async Task SendAsync(OutboundAlert alert, CancellationToken ct)
    {
        var o = options.Value;
        // Exactly as named, as the alert's id was made from it: a webhook renamed is a new webhook.
        var webhook = o.Webhooks.FirstOrDefault(w => w.Name.Equals(alert.Webhook, StringComparison.Ordinal));
        var attempts = alert.Attempts + 1;
        if (webhook is null)
        {
            Record(alert, AlertAttemptOutcome.Failed(alert.Attempts, clock.GetUtcNow(), $"the webhook '{alert.Webhook}' is no longer configured"));
            log.LogWarning("Alert {AlertId} given up: its webhook {Webhook} is no longer configured", alert.Id, alert.Webhook);
            return;
        }
        AlertSendResult result;
        try
        {
            result = await sender.SendAsync(webhook, alert.Id, alert.Payload, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping: the attempt is not counted, and the lease is given back so the next host (or this
            // one restarted) sends the alert without waiting for the lease to lapse.
            Record(alert, AlertAttemptOutcome.Retry(alert.Attempts, clock.GetUtcNow(), clock.GetUtcNow(), "the host stopped during an attempt"));
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Counted like any failed attempt, so an alert that always throws (a payload that cannot be drawn as a card)
            // reaches "failed" instead of being taken again after every lease. The type only: a message could hold the URL.
            log.LogError("Alert {AlertId} to webhook {Webhook} could not be sent: {Error}", alert.Id, webhook.Name, e.GetType().Name);
            result = AlertSendResult.Retry($"the attempt failed: {e.GetType().Name}");
        }
        var now = clock.GetUtcNow();
        if (result.Delivered)
        {
            Record(alert, AlertAttemptOutcome.Delivered(attempts, now));
            log.LogInformation("Alert {AlertId} delivered to webhook {Webhook} (attempt {Attempt})", alert.Id, webhook.Name, attempts);
        }
        else if (result.Retryable && attempts < o.MaxAttempts)
        {
            var delay = schedule.DelayAfter(attempts, result.RetryAfter);
            Record(alert, AlertAttemptOutcome.Retry(attempts, now, now + delay, result.Error!));
            log.LogWarning("Alert {AlertId} to webhook {Webhook} failed (attempt {Attempt} of {Max}): {Error}; next attempt in {Delay}",
                alert.Id, webhook.Name, attempts, o.MaxAttempts, result.Error, delay);
        }
        else
        {
            var error = result.Retryable ? $"gave up after {attempts} attempts; the last: {result.Error}" : result.Error!;
            Record(alert, AlertAttemptOutcome.Failed(attempts, now, error));
            log.LogError("Alert {AlertId} to webhook {Webhook} failed for good (attempt {Attempt}): {Error}", alert.Id, webhook.Name, attempts, error);
        }
    }

    private void Record(OutboundAlert alert, AlertAttemptOutcome outcome)
    {
        if (!outbox.Record(alert.Id, _owner, outcome))
            log.LogWarning("Alert {AlertId}: its lease lapsed before the attempt was recorded; another host may send it again", alert.Id);
    }
}
