using Hangfire;
using M365Scanner.Core.Hunting;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Jobs;

namespace M365Scanner.Host.Hunts;

/// <summary>Starts hunts: saves the report as queued (so its id can be answered at once) and enqueues its job. Every
/// start names its requester, whose name the report and each audit entry of the hunt's actions carry.</summary>
public sealed class HuntLauncher(IHuntStore store, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>An IOC hunt of <paramref name="indicator"/> over the last <paramref name="hours"/> of every monitored
    /// mailbox of <paramref name="tenantId"/> (every tenant when null), asked for by <paramref name="requester"/>.</summary>
    public HuntReport StartIoc(Indicator indicator, string? tenantId, int hours, bool act, HuntRequester requester)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(requester);
        var report = new HuntReport(NewHuntId(), HuntKind.Ioc, indicator.ToString(), tenantId, hours, act, requester.Source,
            HuntState.Queued, clock.GetUtcNow()) { RequestedBy = requester.Actor };
        store.Save(report);
        var id = report.Id;
        var text = report.Indicator!;
        var scope = tenantId ?? "every tenant";
        jobs.Enqueue<HuntJobs>(JobQueues.Hunts, j => j.RunIocAsync(id, text, scope, CancellationToken.None));
        return report;
    }

    /// <summary>A retro-hunt over the last <paramref name="hours"/> of delivered mail, asked for by
    /// <paramref name="requester"/>.</summary>
    public HuntReport StartRetro(string? tenantId, int hours, bool act, HuntRequester requester)
    {
        ArgumentNullException.ThrowIfNull(requester);
        var report = new HuntReport(NewHuntId(), HuntKind.Retro, null, tenantId, hours, act, requester.Source,
            HuntState.Queued, clock.GetUtcNow()) { RequestedBy = requester.Actor };
        store.Save(report);
        var id = report.Id;
        var scope = tenantId ?? "every tenant";
        jobs.Enqueue<HuntJobs>(JobQueues.Hunts, j => j.RunRetroAsync(id, hours, scope, CancellationToken.None));
        return report;
    }

    /// <summary>A new hunt id: 12 hex characters, enough to never collide within one deployment's history. Made here,
    /// not in Core, so Core stays free of randomness (CorePurityTests).</summary>
    private static string NewHuntId() => Guid.NewGuid().ToString("N")[..12];
}
