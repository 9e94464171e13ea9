using Hangfire;
using Hangfire.AspNetCore;
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
        // Hangfire keeps one storage and one job activator per process (JobStorage.Current, JobActivator.Current), and
        // AddHangfire hands a host whichever was set last: two hosts started at once in one process (as tests do) would
        // queue jobs into each other's storage and run them with each other's services. Each host registers its own.
        builder.Services.AddSingleton<JobStorage>(services => HostJobStorage.Create(services, storage, options));
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((services, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(services.GetRequiredService<JobStorage>()));
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
