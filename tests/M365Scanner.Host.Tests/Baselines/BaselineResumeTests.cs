using Hangfire;
using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Operations;
using M365Scanner.GraphEmulator.Control;
using M365Scanner.Host.Baselines;
using M365Scanner.Host.Tenants;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.Baselines;

/// <summary>
/// A mailbox with 180 history messages over Sent Items and Inbox (with messages sharing a timestamp across page
/// boundaries), read in pages of 20: a baseline interrupted by a host restart resumes from its checkpoint, reads the
/// earlier pages no more, and ends with the same graph as an uninterrupted one; verdicts during it say it is partial.
/// </summary>
public class BaselineResumeTests
{
    private const string Mailbox = ScannerEnvironment.Mailbox;
    private const int PageSize = 20;
    private const int PerFolder = 90; // inbox: 84 seeded here + the environment's 6 partner messages
    private static readonly string[] Colleagues = ["carl@colleagues.example", "dora@colleagues.example", "emil@colleagues.example"];
    private static readonly string[] Vendors = ["sales@vendor-a.example", "news@vendor-b.example", "ops@vendor-c.example"];

    [Fact]
    public async Task Baseline_ResumesFromItsCheckpoint_AfterARestartBetweenGraphCommitAndCheckpoint()
    {
        var interrupted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var env = await ScannerEnvironment.StartAsync(seed: Seed, settings: Durable(), beforeStart: services =>
            services.GetRequiredService<BaselineFaults>().AtStep = (step, folder, pages, ct) =>
            {
                // The harshest moment: the inbox's second page is in the graph, its checkpoint not yet saved.
                if (step != "page-committed" || folder != "inbox" || pages != 2)
                    return;
                interrupted.TrySetResult();
                ct.WaitHandle.WaitOne(); // a host shutting down cancels the job here
                ct.ThrowIfCancellationRequested();
            });
        await interrupted.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // Protection runs during the baseline, and its verdicts say so.
        env.Deliver(Mime.Message("newcomer@elsewhere.example", Mailbox, "Hello", "Hello Bob, nice to meet you.",
            DateTimeOffset.UtcNow, messageId: "during-baseline@elsewhere.example"));
        var verdict = await env.VerdictForAsync("during-baseline@elsewhere.example");
        Assert.Contains("baseline incomplete: 110 history message(s) learned so far", verdict.Notes);
        var before = Progress(env);
        Assert.Equal((PerFolder, true), (before["sentitems"].Learned, before["sentitems"].Completed));
        Assert.Equal((PageSize, 1L, false), (before["inbox"].Learned, before["inbox"].Pages, before["inbox"].Completed));

        env.Control.ClearRequests();
        await env.RestartHostAsync();
        await Eventually.True(() => BaselineStatus.IsComplete(env.State().GetBaselineProgress(env.TenantId, Mailbox)),
            "the resumed baseline to complete");

        // Sent Items were done and are not read again; the Inbox is read from its checkpoint: the page whose
        // checkpoint was lost and the three after it, not the first page.
        Assert.Equal(0, HistoryRequests(env, "sentitems"));
        Assert.Equal(4, HistoryRequests(env, "inbox"));
        var after = Progress(env);
        Assert.Equal((PerFolder, PerFolder), (after["sentitems"].Learned, after["inbox"].Learned));
        AssertGraphOfUninterruptedBaseline(env);
        var shown = await Eventually.Until(() => DashboardProgress(env), "the baseline's progress on its dashboard page");
        Assert.Contains("sentitems: 90 learned (done); inbox: 90 learned (done)", shown);
    }

    [Fact]
    public async Task Baseline_LearnsEveryHistoryMessageOnce_InOneRequestPerPage()
    {
        await using var env = await ScannerEnvironment.StartAsync(seed: Seed, settings: new Dictionary<string, string?>
        {
            ["Graph:HistoryPageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        await Eventually.True(() => BaselineStatus.IsComplete(env.State().GetBaselineProgress(env.TenantId, Mailbox)),
            "the baseline to complete");

        Assert.Equal(5, HistoryRequests(env, "sentitems")); // 90 messages in pages of 20
        Assert.Equal(5, HistoryRequests(env, "inbox"));
        AssertGraphOfUninterruptedBaseline(env);
    }

    /// <summary>Bob wrote 30 times to each colleague and heard 28 times from each vendor over 80 days; three messages
    /// share each timestamp, so a page of 20 ends inside a group of equal times.</summary>
    private static void Seed(EmulatorControl control, string tenantId)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-80);
        for (var i = 0; i < PerFolder; i++)
        {
            var at = start.AddHours(i / 3 * 20);
            var to = Colleagues[i % 3];
            control.Deliver(tenantId, Mailbox, Mime.Message(Mailbox, to, $"Plan {i}",
                $"Hi, the plan is at https://wiki.contoso.example/plans/{i}", at), folder: "sentitems", receivedAt: at);
        }
        for (var i = 0; i < PerFolder - 6; i++)
        {
            var at = start.AddHours(i / 3 * 20 + 7);
            var from = Vendors[i % 3];
            control.Deliver(tenantId, Mailbox, Mime.Message(from, Mailbox, $"Update {i}",
                $"Dear Bob, see https://portal.{from[(from.IndexOf('@') + 1)..]}/update/{i}", at), receivedAt: at);
        }
    }

    /// <summary>The tallies an uninterrupted baseline of <see cref="Seed"/> (and the environment's partner history) gives.</summary>
    private static void AssertGraphOfUninterruptedBaseline(ScannerEnvironment env)
    {
        var store = env.Host.Services.GetRequiredService<TenantScanners>().For(env.TenantId).Graph.Store;
        var expected = new Dictionary<EdgeKey, long>
        {
            [new(EdgeKind.SenderMessages, Mailbox, "")] = PerFolder,
            [new(EdgeKind.SenderMessages, ScannerEnvironment.Partner, "")] = 6,
            [new(EdgeKind.ReceivedFrom, Mailbox, ScannerEnvironment.Partner)] = 6,
        };
        foreach (var colleague in Colleagues)
            expected[new(EdgeKind.SentTo, Mailbox, colleague)] = 30;
        foreach (var vendor in Vendors)
        {
            expected[new(EdgeKind.ReceivedFrom, Mailbox, vendor)] = 28;
            expected[new(EdgeKind.SenderMessages, vendor, "")] = 28;
            expected[new(EdgeKind.SenderMessages, vendor, "links")] = 28;
        }

        var tallies = store.Read(expected.Keys);

        Assert.Equal(expected, expected.Keys.ToDictionary(k => k, k => tallies.TryGetValue(k, out var t) ? t.Count : 0));
    }

    private static Dictionary<string, string?> Durable() => new()
    {
        ["Storage:Provider"] = "Sqlite",
        ["Graph:HistoryPageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, BaselineProgress> Progress(ScannerEnvironment env) =>
        env.State().GetBaselineProgress(env.TenantId, Mailbox).ToDictionary(p => p.Folder);

    private static int HistoryRequests(ScannerEnvironment env, string folder) =>
        env.Control.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith($"/mailFolders/{folder}/messages", StringComparison.OrdinalIgnoreCase));

    /// <summary>The "Baseline" parameter of the succeeded baseline job, as the dashboard's job page lists it.</summary>
    private static string? DashboardProgress(ScannerEnvironment env)
    {
        var storage = env.Host.Services.GetRequiredService<JobStorage>();
        var job = storage.GetMonitoringApi().SucceededJobs(0, 100).FirstOrDefault(j => j.Value.Job?.Type == typeof(BaselineJob));
        if (job.Key is null)
            return null;
        using var connection = storage.GetConnection();
        return connection.GetJobParameter(job.Key, BaselineJob.ProgressParameter);
    }
}
