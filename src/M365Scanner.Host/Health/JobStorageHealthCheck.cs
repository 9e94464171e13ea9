using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace M365Scanner.Host.Health;

/// <summary>Ready only if Hangfire's storage answers: without it the webhook cannot persist a notification (it
/// answers 503) and no job runs.</summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await Task.Run(() =>
            {
                using var connection = storage.GetConnection();
                connection.GetAllItemsFromSet("m365scanner:readyz-probe");
            }, cancellationToken).WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Hangfire's storage does not answer", e);
        }
    }
}
