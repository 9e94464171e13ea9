using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using M365Scanner.Host.Baselines;
using M365Scanner.Host.Jobs;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Subscriptions;
using M365Scanner.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace M365Scanner.Host.Workers;

public static class ScannerJobsExtensions
{
    /// <summary>Hangfire (on the provider of <c>Storage:Provider</c>: SQLite in the data directory, PostgreSQL in
    /// schema "hangfire", or memory), its server with queues by priority, the jobs, the work queue the webhook writes
    /// to, and the start-up scheduling.</summary>
    public static IHostApplicationBuilder AddScannerJobs(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ScannerHostOptions.Section).Get<ScannerHostOptions>() ?? new ScannerHostOptions();
        var storage = StorageOptions.From(builder.Configuration);
        builder.Services.AddHangfire((services, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (storage.Provider)
            {
                case StorageProvider.InMemory:
                    config.UseInMemoryStorage();
                    break;
                case StorageProvider.Sqlite:
                    Directory.CreateDirectory(options.DataDirectory);
                    var database = Path.GetFullPath(Path.Combine(options.DataDirectory, "hangfire.db"));
                    if (SqliteJobRecovery.Recover(database) is var (jobs, locks) && jobs + locks > 0)
                        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SqliteJobRecovery)).LogWarning(
                            "A process stopped without finishing its work: {Jobs} job(s) it had fetched are back in the queue, {Locks} lock(s) it held released",
                            jobs, locks);
                    // A job queued by this process wakes its workers at once; the poll is the fallback for a job no
                    // wake announces (one fetched by a process that died, visible again), as on PostgreSQL.
                    config.UseStorage(new WakeOnEnqueueStorage(
                        new SQLiteStorage(database, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(2) })));
                    break;
                case StorageProvider.Postgres:
                    config.UsePostgreSqlStorage(c => c.UseNpgsqlConnection(storage.ConnectionString), PostgresJobStorage.Options(storage));
                    break;
                default:
                    throw new NotSupportedException($"Storage:Provider {storage.Provider} is not supported.");
            }
        });
        builder.Services.AddHangfireServer(server =>
        {
            server.Queues = JobQueues.InPriorityOrder;
            server.WorkerCount = options.Workers;
            server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        builder.Services.AddSingleton<IWorkQueue, HangfireWorkQueue>();
        builder.Services.AddSingleton<MailboxLocks>();
        // Tests register their fault injectors before this runs (ScannerApp.Build's configure); the product has none.
        builder.Services.TryAddSingleton(IActionFaults.None);
        builder.Services.TryAddSingleton(IBaselineFaults.None);
        builder.Services.TryAddSingleton(IScanFaults.None);
        builder.Services.AddTransient<ScanAttemptTracker>();
        builder.Services.AddTransient<PoisonContainment>();
        builder.Services.AddTransient<MessageLeases>();
        builder.Services.AddTransient<HeldMessageNotices>();
        builder.Services.AddTransient<MessageActions>();
        builder.Services.AddTransient<ScanMessageJob>();
        builder.Services.AddTransient<NotificationBatchJob>();
        builder.Services.AddTransient<CatchUpJob>();
        builder.Services.AddTransient<SubscriptionJobs>();
        builder.Services.AddTransient<BaselineJob>();
        builder.Services.AddTransient<WorkerStartup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WorkerStartup>());
        return builder;
    }
}
