using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace M365Scanner.Host.Health;

public static class ScannerHealthExtensions
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";

    /// <summary>The readiness checks, one per dependency: the store and Hangfire's storage. Each gives up after
    /// five seconds, so a hung database makes the host not ready instead of hanging the probe.</summary>
    public static IHostApplicationBuilder AddScannerHealth(this IHostApplicationBuilder builder)
    {
        var timeout = TimeSpan.FromSeconds(5);
        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", timeout: timeout)
            .AddCheck<JobStorageHealthCheck>("jobs", timeout: timeout);
        return builder;
    }

    /// <summary><c>/healthz</c>: the process answers (liveness; a restart is the cure when it does not).
    /// <c>/readyz</c>: 200 when every dependency answers, 503 otherwise (take the instance out of the load balancer,
    /// do not restart it). Both anonymous.</summary>
    public static IEndpointRouteBuilder MapScannerHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet(LivenessPath, () => TypedResults.Ok("ok")).AllowAnonymous();
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        return app;
    }
}
