namespace M365Scanner.GraphEmulator.Subscriptions;

/// <summary>Periodically removes expired subscriptions.</summary>
internal sealed class SubscriptionExpiry(SubscriptionStore store, EmulatorOptions options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.ExpirySweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) store.RemoveExpired();
        }
        catch (OperationCanceledException) { }
    }
}
