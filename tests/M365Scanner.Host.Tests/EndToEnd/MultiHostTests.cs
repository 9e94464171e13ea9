using M365Scanner.Host.Tests.TestSupport;
using M365Scanner.Storage.Tests.TestSupport;
using Xunit.Abstractions;

namespace M365Scanner.Host.Tests.EndToEnd;

/// <summary>
/// Two host instances (two OS processes) on one PostgreSQL database and one emulator, behind one webhook URL that
/// sends some notifications to both at once; one instance is killed while the mail keeps coming. What must hold
/// (issue 7): every message scanned, exactly one verdict each, no double action, an audit log with nothing half-done.
/// </summary>
public class MultiHostTests(ITestOutputHelper output)
{
    private const int Messages = 1000;
    private const int Mailboxes = 20;

    [SkippableFact]
    public async Task TwoHostsOnOneDatabase_OneKilledMidway_HandleEveryMessageExactlyOnce()
    {
        var schema = PostgresTestSchema.CreateOrSkip();
        var jobSchema = schema.Name + "_jobs";
        try
        {
            // A short invisibility timeout: the survivor takes over the killed host's fetched jobs within seconds.
            // A short lock timeout too: the killed host leaves Hangfire's locks behind (the state lock of each job it
            // was moving between states, the delayed-job scheduler's), and the survivor waits for those jobs and for
            // every retry until a lock is broken as stale, five minutes by default, longer than this test waits.
            await using var env = await MultiHostEnvironment.StartAsync(hostCount: 2, Mailboxes,
                SharedStorage.Postgres(schema.ConnectionString, jobSchema, TimeSpan.FromSeconds(5), lockTimeout: TimeSpan.FromSeconds(15)),
                duplicateFraction: 0.3);
            var victim = env.Hosts[0];
            var sent = new List<DeliveredMail>(Messages);

            // The kill, as soon as a third of the mail has its verdicts, while delivery goes on.
            var killed = Task.Run(async () =>
            {
                await env.WithDiagnostics(() => Eventually.True(() => DeliveredMailChecks.CountVerdicts(env, Snapshot(sent)) >= Messages / 3,
                    "a third of the messages to have verdicts", TimeSpan.FromSeconds(90)));
                await env.KillAsync(victim);
                output.WriteLine($"killed {victim.Name} with {DeliveredMailChecks.CountVerdicts(env, Snapshot(sent))} verdicts, {Snapshot(sent).Count} delivered");
            });

            // 1,000 messages in 40 steps of 25, a quarter of a second apart (about 100 per second).
            for (var i = 0; i < Messages; i++)
            {
                var mailbox = env.Mailboxes[(i + i / 10) % env.Mailboxes.Count];
                var id = $"multi-{i}@partner.example";
                var (expected, mime) = DeliveredMailChecks.Build(i, mailbox, id);
                var graphId = env.Deliver(mailbox, mime);
                lock (sent)
                    sent.Add(new DeliveredMail(mailbox, id, expected, mime, graphId));
                if (i % 25 == 24)
                    await Task.Delay(250);
            }
            await killed;

            await DeliveredMailChecks.WaitUntilDoneAsync(env, sent, TimeSpan.FromSeconds(120));
            var problems = DeliveredMailChecks.Problems(env, sent).ToList();
            // One verdict row per message, counted in the database itself.
            var rows = Convert.ToInt64(schema.Scalar($"SELECT count(*) FROM verdicts WHERE tenant_id = '{env.TenantId}' AND scanned_at IS NOT NULL"));
            if (rows != Messages)
                problems.Add($"{rows} verdict rows for {Messages} messages");
            var survivor = env.Hosts[1];
            if (env.Proxy.Duplicated == 0)
                problems.Add("no notification was sent to both hosts");
            if (!env.LogLines("Scanned ").Any())
                problems.Add("no host logged a scan");
            output.WriteLine(env.Diagnostics());
            Assert.True(problems.Count == 0, $"{problems.Count} problem(s):\n" + string.Join("\n", problems.Take(30)) + "\n" + env.Diagnostics());
            Assert.False(survivor.HasExited, survivor.Tail());
        }
        finally
        {
            // M365SCANNER_KEEP_TEST_DATA=1 keeps both schemas for a post-mortem.
            if (Environment.GetEnvironmentVariable("M365SCANNER_KEEP_TEST_DATA") == "1")
                output.WriteLine($"kept schemas {schema.Name} and {jobSchema}");
            else
            {
                schema.Scalar($"DROP SCHEMA IF EXISTS {jobSchema} CASCADE");
                schema.Dispose();
            }
        }
    }

    private static List<DeliveredMail> Snapshot(List<DeliveredMail> sent)
    {
        lock (sent)
            return [.. sent];
    }
}
