using System.ComponentModel;
using Hangfire;
using M365Scanner.Core.Hunting;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Jobs;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Hunts;

/// <summary>
/// The hunts as Hangfire jobs, each with a name the dashboard shows (kind, indicator, tenant, hunt id). A retried hunt
/// runs again from the start: what it already quarantined is out of the inbox, and the audit log keeps the rest from
/// being acted on twice.
/// </summary>
public sealed class HuntJobs(HuntRunner runner, HuntLauncher launcher, IHuntStore store, IOptions<HuntOptions> options,
    ILogger<HuntJobs> log)
{
    [Queue(JobQueues.Hunts)]
    [DisplayName("IOC hunt {1} in {2} (hunt {0})")]
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [30, 300])]
    public Task RunIocAsync(string huntId, string indicator, string scope, CancellationToken ct) => runner.RunAsync(huntId, ct);

    [Queue(JobQueues.Hunts)]
    [DisplayName("Retro-hunt of the last {1} h in {2} (hunt {0})")]
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [30, 300])]
    public Task RunRetroAsync(string huntId, int hours, string scope, CancellationToken ct) => runner.RunAsync(huntId, ct);

    /// <summary>The recurring retro-hunt: queues one over every tenant (its own job, so it has a report and an id).</summary>
    [Queue(JobQueues.Hunts)]
    [DisplayName("Scheduled retro-hunt")]
    public void ScheduleRetroHunt() => launcher.StartRetro(null, options.Value.RetroHuntHours, act: true, HuntRequester.Schedule);

    /// <summary>Reads the feed file and queues an IOC hunt for each indicator the feed has not hunted yet.
    /// Lines that are not indicators are logged and skipped.</summary>
    [Queue(JobQueues.Hunts)]
    [DisplayName("Read the IOC feed")]
    public async Task ReadFeedAsync(CancellationToken ct)
    {
        var path = options.Value.IocFeedPath;
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            log.LogWarning("IOC feed {Path} not found; nothing hunted", path);
            return;
        }
        var started = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, ct))
        {
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
                continue;
            if (!Indicator.TryParse(line, out var indicator))
            {
                log.LogWarning("IOC feed line is not an indicator: {Line}", line);
                continue;
            }
            if (store.Latest(indicator!.ToString(), HuntRequester.FeedSource) is not null)
                continue;
            launcher.StartIoc(indicator, null, options.Value.IocHuntDays * 24, act: true, HuntRequester.Feed);
            started++;
        }
        log.LogInformation("IOC feed: {Count} new indicator(s) queued for hunting", started);
    }
}
