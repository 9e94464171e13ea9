
namespace M365Scanner.Host.Hunts;

public static class ScannerHuntsExtensions
{
    /// <summary>Retro-hunts and IOC hunts: their settings, the runner, the jobs and their schedule. The report store
    /// comes with the other stores (<see cref="M365Scanner.Storage.StorageRegistration.AddScannerStorage"/>).</summary>
    public static IHostApplicationBuilder AddScannerHunts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HuntOptions>().BindConfiguration(HuntOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<HuntLauncher>();
        builder.Services.AddTransient<HuntRunner>();
        builder.Services.AddTransient<HuntJobs>();
        builder.Services.AddHostedService<HuntScheduler>();
        return builder;
    }
}
