using M365Scanner.Storage.Reference;

namespace M365Scanner.Host.Reference;

public static class ScannerReferenceDataExtensions
{
    /// <summary>The reference lists' refresh: its settings, the refresher and the worker that runs it on schedule.</summary>
    public static IHostApplicationBuilder AddScannerReferenceData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReferenceDataOptions>().BindConfiguration(ReferenceDataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(ReferenceRefresher.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(2));
        builder.Services.AddSingleton<ReferenceRefresher>();
        builder.Services.AddHostedService<ReferenceRefreshWorker>();
        return builder;
    }
}
