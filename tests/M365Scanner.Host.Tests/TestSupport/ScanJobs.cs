using Hangfire;
using Hangfire.Common;
using M365Scanner.Host.Jobs;
using M365Scanner.Host.Scanning;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>The host's scan jobs as Hangfire holds them: found by the Graph id they scan, their state, and a job run
/// again under the same id (what crash recovery does), for tests that follow one message's job.</summary>
public static class ScanJobs
{
    /// <summary>The id of the scan job for <paramref name="graphId"/> that is processing now, or null.</summary>
    public static string? Processing(ScannerEnvironment env, string graphId) =>
        Find(Storage(env).GetMonitoringApi().ProcessingJobs(0, 100).Select(j => (j.Key, j.Value.Job)), graphId);

    /// <summary>The id of a scan job for <paramref name="graphId"/> that has succeeded, or null.</summary>
    public static string? Succeeded(ScannerEnvironment env, string graphId) =>
        Find(Storage(env).GetMonitoringApi().SucceededJobs(0, 100).Select(j => (j.Key, j.Value.Job)), graphId);

    /// <summary>The job's current state ("Enqueued", "Processing", "Succeeded", ...).</summary>
    public static string? State(ScannerEnvironment env, string jobId)
    {
        using var connection = Storage(env).GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    /// <summary>Puts the job back in its queue under the same id, whatever its state: as crash recovery returns a job
    /// whose host died, while (here) the abandoned run may still be hanging.</summary>
    public static void RunAgain(ScannerEnvironment env, string jobId) =>
        Assert.True(env.Host.Services.GetRequiredService<IBackgroundJobClient>().Requeue(jobId), $"requeue job {jobId}");

    /// <summary>Queues a new scan job for <paramref name="graphId"/>, as a notification or catch-up would; its id.</summary>
    public static string Enqueue(ScannerEnvironment env, string mailbox, string graphId) =>
        env.Host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ScanMessageJob>(JobQueues.Scans,
            j => j.RunAsync(env.TenantId, mailbox, graphId, null, CancellationToken.None));

    private static JobStorage Storage(ScannerEnvironment env) => env.Host.Services.GetRequiredService<JobStorage>();

    private static string? Find(IEnumerable<(string Id, Job? Job)> jobs, string graphId) =>
        jobs.FirstOrDefault(j => j.Job?.Type == typeof(ScanMessageJob) && j.Job.Args.Count > 2 && Equals(j.Job.Args[2], graphId)).Id;
}
