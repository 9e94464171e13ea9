using Hangfire;
using Microsoft.Extensions.Options;
using M365Scanner.Host.Jobs;

namespace M365Scanner.Host.Hunts;

/// <summary>At start: schedules the recurring retro-hunt and, when a feed file is configured, the feed reader.</summary>
public sealed class HuntScheduler(IOptions<HuntOptions> options, IRecurringJobManager recurring) : IHostedService
{
    public const string RetroHuntJob = "retro-hunt";
    public const string FeedJob = "ioc-feed";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<HuntJobs>(RetroHuntJob, JobQueues.Hunts, j => j.ScheduleRetroHunt(), options.Value.RetroHuntCron);
        if (options.Value.IocFeedPath is { Length: > 0 })
            recurring.AddOrUpdate<HuntJobs>(FeedJob, JobQueues.Hunts, j => j.ReadFeedAsync(CancellationToken.None), options.Value.IocFeedCron);
        else
            recurring.RemoveIfExists(FeedJob);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
