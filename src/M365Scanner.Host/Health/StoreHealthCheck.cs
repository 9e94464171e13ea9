using M365Scanner.Core.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace M365Scanner.Host.Health;

/// <summary>Ready only if the operations store answers: one lookup by key, the cheapest query every provider has.
/// Without the store a host can take notifications but not claim, record or act.</summary>
public sealed class StoreHealthCheck(IWorkerStateStore state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // The stores are synchronous; off the request thread so the check's timeout can give up on a hung database.
            await Task.Run(() => state.GetSubscription("readyz-probe"), cancellationToken).WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the store does not answer", e);
        }
    }
}
