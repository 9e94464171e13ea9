using System.ComponentModel;
using Hangfire;
using Hangfire.Server;
using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Jobs;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Tenants;

namespace M365Scanner.Host.Baselines;

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
/// <para>Several runs of one mailbox (several hosts, a restart): each page is learned and its checkpoint saved under
/// the mailbox's page lock, after checking that the stored checkpoint is still the one this run last saw. A run that
/// finds a later checkpoint (another run got ahead) stops, so two runs never learn the same page, and their ledger
/// reads cannot interleave with each other's writes.</para>
/// <para>Progress: the job's "Baseline" parameter on its page in the dashboard (/hangfire, job details), rewritten
/// after every page, plus a log line per folder.</para>
/// </remarks>
public sealed class BaselineJob(IMailboxHistory history, TenantScanners scanners, MessageLinkExtractor extractor,
    IWorkerStateStore state, IBaselineFaults faults, MailboxLocks locks, TimeProvider clock, ILogger<BaselineJob> log)
{
    public static readonly string[] Folders = ["sentitems", "inbox"];

    /// <summary>Held for a whole run: saves duplicate work (see <see cref="RunAsync(string, string, int, PerformContext?, CancellationToken)"/>).</summary>
    public const string RunLockKind = "baseline-run";

    /// <summary>Held from re-reading the checkpoint to saving the next one, one page at a time.</summary>
    public const string PageLockKind = "baseline-page";

    /// <summary>Far longer than one page takes to learn; a job that waits longer fails and is retried.</summary>
    private static readonly TimeSpan PageLockWait = TimeSpan.FromSeconds(60);

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
        // One run per mailbox at a time, to save work: a restart finds the interrupted job re-queued and start-up
        // queueing another, and every host queues one at start. The second fails here and retries later, by when the
        // first has finished and it finds nothing to do. Correctness does not rest on this lock (on PostgreSQL a lock
        // held longer than Storage:LockTimeout is broken): see the page lock below.
        using var running = locks.TryAcquire(RunLockKind, tenantId, mailbox, TimeSpan.Zero)
            ?? throw new InvalidOperationException($"The baseline of {mailbox} is already running in another job; retrying later.");
        var tenant = scanners.For(tenantId);
        var now = clock.GetUtcNow();
        var seen = Folders.ToDictionary(f => f, f => Current(tenantId, mailbox, f));
        var progress = Folders.ToDictionary(f => f, f => seen[f] ?? BaselineProgress.Start(tenantId, mailbox, f, now.AddDays(-days), now));
        Report(context, progress);
        foreach (var folder in Folders)
        {
            if (progress[folder].Completed)
                continue;
            var pages = 0;
            await foreach (var page in history.HistoryPagesAsync(tenantId, mailbox, folder, progress[folder].ResumeFrom, progress[folder].Until, ct))
            {
                using (var _ = locks.Acquire(PageLockKind, tenantId, mailbox, PageLockWait))
                {
                    if (!StillOurs(tenantId, mailbox, folder, seen[folder]))
                    {
                        LeaveToOtherRun(context, tenantId, mailbox, folder);
                        return;
                    }
                    var learned = Learn(tenant, mailbox, progress[folder], page);
                    faults.At("page-committed", folder, ++pages, ct);
                    state.SaveBaselineProgress(learned);
                    progress[folder] = seen[folder] = learned;
                }
                Report(context, progress);
            }
            using (var _ = locks.Acquire(PageLockKind, tenantId, mailbox, PageLockWait))
            {
                if (!StillOurs(tenantId, mailbox, folder, seen[folder]))
                {
                    LeaveToOtherRun(context, tenantId, mailbox, folder);
                    return;
                }
                progress[folder] = seen[folder] = progress[folder] with { Completed = true, UpdatedAt = clock.GetUtcNow() };
                state.SaveBaselineProgress(progress[folder]);
            }
            Report(context, progress);
            log.LogInformation("Baseline of {Mailbox}, {Folder}: {Count} message(s) learned since {Since:u} ({Pages} page(s) in this run)",
                mailbox, folder, progress[folder].Learned, progress[folder].Since, pages);
        }
        log.LogInformation("Baseline of {Mailbox} complete: {Status}", mailbox, BaselineStatus.Describe([.. progress.Values]));
    }

    /// <summary>True when the folder's stored checkpoint is still the one this run last read or saved: no other run
    /// has saved one since. Every save moves <see cref="BaselineProgress.Pages"/> on or completes the folder.</summary>
    private bool StillOurs(string tenantId, string mailbox, string folder, BaselineProgress? seen)
    {
        var stored = Current(tenantId, mailbox, folder);
        return (stored?.Pages, stored?.Completed) == (seen?.Pages, seen?.Completed);
    }

    private void LeaveToOtherRun(PerformContext? context, string tenantId, string mailbox, string folder)
    {
        log.LogInformation("Baseline of {Mailbox}, {Folder}: another run saved a later checkpoint; leaving the rest to it", mailbox, folder);
        Report(context, Folders.ToDictionary(f => f, f => Current(tenantId, mailbox, f)
            ?? BaselineProgress.Start(tenantId, mailbox, f, clock.GetUtcNow(), clock.GetUtcNow())));
    }

    /// <summary>Learns one page in one graph transaction and returns the checkpoint after it (not yet saved).</summary>
    /// <remarks>The page is learned by one <see cref="CorrespondenceGraph.LearnAll"/>, with the "learned" marks in the
    /// same transaction: links are extracted before it, so the graph's write lock is held for two statements. The
    /// marks are read outside it; the page lock this run holds keeps other runs of the mailbox out meanwhile.</remarks>
    private BaselineProgress Learn(TenantScanner tenant, string mailbox, BaselineProgress before, IReadOnlyList<FetchedMessage> page)
    {
        var boundary = before.Boundary;
        var atBoundary = new List<string>(before.IdsAtBoundary);
        var alreadyCounted = before.IdsAtBoundary.ToHashSet(StringComparer.Ordinal);
        var learned = before.Learned;
        var marked = tenant.Graph.Store.Read([.. page.Select(m => BaselineLedger.Mark(mailbox, m.Id))]);
        var lessons = new List<MessageToLearn>();
        var marks = new List<EdgeObservation>();
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
            marks.Add(new EdgeObservation(mark, second));
            lessons.Add(new MessageToLearn(message.Message, mailbox, extractor.Extract(message.Message).Links, message.Message.EffectiveDate ?? before.Since));
        }
        tenant.Graph.LearnAll(lessons, marks);
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
