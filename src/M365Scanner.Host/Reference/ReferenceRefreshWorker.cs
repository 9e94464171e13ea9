using M365Scanner.Storage.Reference;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Reference;

/// <summary>
/// Refreshes the reference lists in this process at start and then every
/// <see cref="ReferenceDataOptions.RefreshInterval"/>. A hosted service, not a Hangfire job: every host keeps its
/// own snapshot in memory, so every host must refresh it, whereas a recurring job runs on one of them.
/// </summary>
public sealed class ReferenceRefreshWorker(
    ReferenceRefresher refresher, IOptions<ReferenceDataOptions> options, TimeProvider time, ILogger<ReferenceRefreshWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Refresh || options.Value.Sources.Count == 0)
            return;
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        do
        {
            try
            {
                await refresher.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One bad refresh must not stop the next one; the lists in use stay as they are.
                logger.LogError(e, "Reference lists refresh failed; the lists in use are kept");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
