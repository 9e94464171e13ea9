using Hangfire;
using M365Scanner.Core.Operations;
using M365Scanner.GraphEmulator.Control;

namespace M365Scanner.Host.Load;

/// <summary>What a delivery phase drives and reads back: the emulator, the protected mailboxes, the stores the hosts
/// write to, and Hangfire's job storage. One host in this process (<see cref="LoadEnvironment"/>), or host processes
/// behind one webhook URL (<see cref="ProcessLoadEnvironment"/>).</summary>
internal interface ILoadTarget : IAsyncDisposable
{
    EmulatorControl Control { get; }
    string TenantId { get; }
    IReadOnlyList<string> Mailboxes { get; }
    IVerdictStore Verdicts { get; }
    IAuditLog Audit { get; }
    JobStorage Jobs { get; }

    /// <summary>Server-side time of each of Graph's notification POSTs in <paramref name="phase"/>, with its status.</summary>
    IReadOnlyList<(double Millis, int Status)> NotificationTimes(string phase);

    /// <summary>Starts a named phase: notification timings from now on count for it.</summary>
    void BeginPhase(string phase);

    /// <summary>CPU used so far by everything under test (this process and the host processes).</summary>
    TimeSpan ProcessorTime();

    MessageKey Key(string mailbox, string internetMessageId) => new(TenantId, mailbox, internetMessageId);

    /// <summary>Jobs enqueued, processing or waiting for a retry.</summary>
    long PendingJobs()
    {
        var stats = Jobs.GetMonitoringApi().GetStatistics();
        return stats.Enqueued + stats.Processing + stats.Scheduled;
    }
}
