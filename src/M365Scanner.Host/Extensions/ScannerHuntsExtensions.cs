using M365Scanner.Core.Operations;
using M365Scanner.Core.Operations.InMemory;
using M365Scanner.Host.Hunts;
using M365Scanner.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Extensions;

public static class ScannerHuntsExtensions
{
    /// <summary>Retro-hunts and IOC hunts: their settings, the report store (beside the other operations tables, or in
    /// memory), the runner, the jobs and their schedule.</summary>
    public static IHostApplicationBuilder AddScannerHunts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HuntOptions>().BindConfiguration(HuntOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IHuntStore>(sp =>
            sp.GetRequiredService<IOptions<ScannerHostOptions>>().Value.JobStorage == "InMemory"
                ? new InMemoryHuntStore()
                : new SqliteHuntStore(sp.GetRequiredService<SqliteDatabase>()));
        builder.Services.AddSingleton<HuntLauncher>();
        builder.Services.AddTransient<HuntRunner>();
        builder.Services.AddTransient<HuntJobs>();
        builder.Services.AddHostedService<HuntScheduler>();
        return builder;
    }
}
