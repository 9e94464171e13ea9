using M365Scanner.Host.Tests.TestSupport;
using Xunit.Abstractions;

namespace M365Scanner.Host.Tests.EndToEnd;

/// <summary>A host process killed under load (no graceful shutdown) and started again on the same storage: what was
/// in flight is finished by the new process, and every message is still handled exactly once.</summary>
public class HostCrashTests(ITestOutputHelper output)
{
    // Before the host put a crashed SQLite process's fetched jobs back in the queue at start (SqliteJobRecovery), this
    // failed about one run in three: Hangfire.Storage.SQLite hid those jobs for 30 minutes, their message claims made
    // the restarted host's catch-up skip the same messages, and an interrupted rewrite or quarantine stayed half-done.
    [Fact]
    public async Task HostKilledUnderLoad_AndStartedAgainOnTheSameSqliteFiles_HandlesEveryMessageExactlyOnce()
    {
        await using var env = await MultiHostEnvironment.StartAsync(hostCount: 1, mailboxes: 4, SharedStorage.Sqlite,
            duplicateFraction: 0.25);
        var sent = new List<DeliveredMail>();
        var first = env.Hosts[0];

        // A third of the mail, then the kill as soon as a third of it has verdicts: scans, actions and the duplicate
        // notifications' jobs are in flight or queued at that moment.
        for (var i = 0; i < 60; i++)
        {
            Deliver(env, sent, i);
            if (i % 10 == 9)
                await Task.Delay(100);
        }
        await env.WithDiagnostics(() => Eventually.True(() => DeliveredMailChecks.CountVerdicts(env, sent) >= 20,
            "a third of the messages to have verdicts"));
        await env.KillAsync(first);

        // Mail keeps arriving while no host is up: its notifications fail (502) and are retried by Graph.
        for (var i = 60; i < 80; i++)
            Deliver(env, sent, i);
        await env.StartHostAsync();
        for (var i = 80; i < 100; i++)
            Deliver(env, sent, i);

        await DeliveredMailChecks.WaitUntilDoneAsync(env, sent, TimeSpan.FromSeconds(90));
        var problems = DeliveredMailChecks.Problems(env, sent);
        output.WriteLine(env.Diagnostics());
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)) + "\n" + env.Diagnostics());
    }

    private static void Deliver(MultiHostEnvironment env, List<DeliveredMail> sent, int i)
    {
        var mailbox = env.Mailboxes[(i + i / 10) % env.Mailboxes.Count];
        var id = $"crash-{i}@partner.example";
        var (expected, mime) = DeliveredMailChecks.Build(i, mailbox, id);
        sent.Add(new DeliveredMail(mailbox, id, expected, mime, env.Deliver(mailbox, mime)));
    }
}
