using System.ComponentModel;
using Hangfire;
using Hangfire.Server;
using Hangfire.Storage;
using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Scanning;

namespace M365Scanner.Host.Jobs;

/// <summary>
/// Learns a mailbox's recent history into its tenant's correspondence graph: the Sent Items (whom the user writes
/// to) and the Inbox (who writes, and which links they send), from <c>days</c> before the baseline began until it began
/// (later mail is the live path's). History is taken as normal and is not scored.
/// </summary>
/// <remarks>
/// <para>Resumable: per folder, a checkpoint in the worker state (<see cref="BaselineProgress"/>) after every page.
/// A restarted baseline skips completed folders and reads the others from the checkpoint's boundary second on,
/// skipping the ids it already learned in that second; earlier pages are not read again.</para>
/// <para>Order of a page: (1) in one graph batch (one SQLite transaction), for each message not yet marked, mark it
/// learned (<see cref="BaselineLedger"/>) and learn it; the batch commits; (2) save the checkpoint. A crash before (1)
/// commits rolls the page back and the page is read again. A crash between (1) and (2) leaves the checkpoint one page
/// behind: the page is read again (one request) and its messages, already marked, are counted without being learned
/// again. A message is marked before it is learned, so even an exception half-way through one message can lose it
/// but never count it twice.</para>
/// <para>Progress: the job's "Baseline" parameter on its page in the dashboard (/hangfire, job details), rewritten
/// after every page, plus a log line per folder.</para>
/// </remarks>
public sealed class BaselineJob(IMailboxClient mailboxes, TenantScanners scanners, MessageLinkExtractor extractor,
    IWorkerStateStore state, BaselineFaults faults, JobStorage jobs, TimeProvider clock, ILogger<BaselineJob> log)
{
    public static readonly string[] Folders = ["sentitems", "inbox"];

    /// <summary>The name of the job parameter that shows progress in the dashboard.</summary>
    public const string ProgressParameter = "Baseline";

    [Queue(JobQueues.Baselines)]
    [DisplayName("Baseline {1} (tenant {0})")]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 60, 600])]
    public Task RunAsync(string tenantId, string mailbox, int days, CancellationToken ct) =>
        RunAsync(tenantId, mailbox, days, null, ct);

    [Queue(JobQueues.Baselines)]
    [DisplayName("Baseline {1} (tenant {0})")]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 60, 600])]
    public async Task RunAsync(string tenantId, string mailbox, int days, PerformContext? context, CancellationToken ct)
    {
        // One run per mailbox at a time: a restart can find the interrupted job re-queued and start-up queueing
        // another. The second fails here and retries later, by when the first has finished and it finds nothing to do.
        using var connection = jobs.GetConnection();
        IDisposable running;
        try
        {
            running = connection.AcquireDistributedLock($"baseline:{tenantId}:{mailbox}", TimeSpan.Zero);
        }
        catch (DistributedLockTimeoutException e)
        {
            throw new InvalidOperationException($"The baseline of {mailbox} is already running in another job; retrying later.", e);
        }
        using var _ = running;
        var tenant = scanners.For(tenantId);
        var now = clock.GetUtcNow();
        var progress = Folders.ToDictionary(f => f, f => Current(tenantId, mailbox, f)
            ?? BaselineProgress.Start(tenantId, mailbox, f, now.AddDays(-days), now));
        Report(context, progress);
        foreach (var folder in Folders)
        {
            if (progress[folder].Completed)
                continue;
            var pages = 0;
            await foreach (var page in mailboxes.HistoryPagesAsync(tenantId, mailbox, folder, progress[folder].ResumeFrom, progress[folder].Until, ct))
            {
                var learned = Learn(tenant, mailbox, progress[folder], page);
                faults.At("page-committed", folder, ++pages, ct);
                progress[folder] = learned;
                state.SaveBaselineProgress(learned);
                Report(context, progress);
            }
            progress[folder] = progress[folder] with { Completed = true, UpdatedAt = clock.GetUtcNow() };
            state.SaveBaselineProgress(progress[folder]);
            Report(context, progress);
            log.LogInformation("Baseline of {Mailbox}, {Folder}: {Count} message(s) learned since {Since:u} ({Pages} page(s) in this run)",
                mailbox, folder, progress[folder].Learned, progress[folder].Since, pages);
        }
        log.LogInformation("Baseline of {Mailbox} complete: {Status}", mailbox, BaselineStatus.Describe([.. progress.Values]));
    }

    /// <summary>Learns one page in one graph batch and returns the checkpoint after it (not yet saved).</summary>
    private BaselineProgress Learn(TenantScanner tenant, string mailbox, BaselineProgress before, IReadOnlyList<FetchedMessage> page)
    {
        var store = tenant.Graph.Store;
        var boundary = before.Boundary;
        var atBoundary = new List<string>(before.IdsAtBoundary);
        var alreadyCounted = before.IdsAtBoundary.ToHashSet(StringComparer.Ordinal);
        var learned = before.Learned;
        using (store.BeginBatch())
        {
            var marked = store.Read([.. page.Select(m => BaselineLedger.Mark(mailbox, m.Id))]);
            foreach (var message in page)
            {
                var second = WholeSecond(message.Message.ReceivedAt ?? before.Since);
                if (second != boundary)
                {
                    boundary = second;
                    atBoundary.Clear();
                }
                if (alreadyCounted.Contains(message.Id))
                    continue; // learned and counted before the checkpoint this run resumed from
                atBoundary.Add(message.Id);
                learned++;
                var mark = BaselineLedger.Mark(mailbox, message.Id);
                if (marked.ContainsKey(mark))
                    continue; // learned in a page whose checkpoint was lost: count it, do not learn it twice
                store.Add([new EdgeObservation(mark, second)]);
                var at = message.Message.EffectiveDate ?? before.Since;
                tenant.Graph.Learn(message.Message, mailbox, extractor.Extract(message.Message).Links, at);
            }
        }
        return before with
        {
            Boundary = boundary, IdsAtBoundary = atBoundary, Learned = learned, Pages = before.Pages + 1, UpdatedAt = clock.GetUtcNow(),
        };
    }

    private BaselineProgress? Current(string tenantId, string mailbox, string folder) =>
        state.GetBaselineProgress(tenantId, mailbox).FirstOrDefault(p => p.Folder == folder);

    private static DateTimeOffset WholeSecond(DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());

    private static void Report(PerformContext? context, Dictionary<string, BaselineProgress> progress) =>
        context?.SetJobParameter(ProgressParameter, BaselineStatus.Describe([.. progress.Values]));
}
