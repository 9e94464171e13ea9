using M365Scanner.Host.Scanning;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Alerts;

public static class ScannerAlertsExtensions
{
    /// <summary>Outbound alerts: their settings (checked at start), the enqueuer the scan path hands verdicts to, the
    /// sender's HTTP client and the dispatcher. The outbox comes with the other stores.</summary>
    public static IHostApplicationBuilder AddScannerAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidation>();
        builder.Services.AddSingleton<AlertSignal>();
        builder.Services.AddSingleton<IVerdictHandoff, AlertEnqueuer>();
        builder.Services.AddSingleton(sp => new AlertRetrySchedule(sp.GetRequiredService<IOptions<AlertOptions>>(), new Random()));
        builder.Services.AddSingleton<AlertSender>();
        // No request logging: the factory's default handlers log each request's URL, and a Teams webhook's URL is its secret.
        builder.Services.AddHttpClient(AlertSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .RemoveAllLoggers();
        builder.Services.AddHostedService<AlertDispatcher>();
        return builder;
    }
}
