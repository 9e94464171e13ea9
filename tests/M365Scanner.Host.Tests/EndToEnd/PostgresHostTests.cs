using System.Net;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Tests.TestSupport;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.EndToEnd;

/// <summary>The host on PostgreSQL (stores and Hangfire), one process: the same delivery-to-action path as on SQLite,
/// and what a restarted process finds in the database.</summary>
public class PostgresHostTests
{
    private const string EvilUrl = "https://secure-docs.evilhost.xyz/4JEcfT25549iCYf310zjlcedhsms3764";

    [SkippableFact]
    public async Task OnPostgres_LateralPdfIsRewritten_PhishQuarantined_AndARestartedHostFindsItsState()
    {
        using var schema = PostgresTestSchema.CreateOrSkip();
        var jobSchema = schema.Name + "_jobs";
        try
        {
            await using var env = await ScannerEnvironment.StartAsync(settings: new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Postgres",
                ["Storage:ConnectionString"] = schema.ConnectionString,
                ["Storage:JobSchema"] = jobSchema,
            });
            Assert.IsType<PostgresVerdictStore>(env.Verdicts);

            env.Deliver(ScannerEnvironment.LateralPdfMessage("pg-lateral@partner.example", EvilUrl));
            env.Deliver(ScannerEnvironment.ExternalPhish("pg-phish@micros0ft-support.xyz"));
            Assert.Equal(MessageAction.Rewrite, (await env.VerdictForAsync("pg-lateral@partner.example")).Action);
            Assert.Equal(MessageAction.Quarantine, (await env.VerdictForAsync("pg-phish@micros0ft-support.xyz")).Action);
            await Eventually.True(() => env.Audit.Query(env.TenantId).Count(e => e.State == AuditState.Completed) == 2, "both actions to complete");
            // The baseline and the scans wrote the partner's edges into the shared table, under this tenant.
            Assert.True(Convert.ToInt64(schema.Scalar("SELECT count(*) FROM edges")) > 0);
            Assert.True(Convert.ToInt64(schema.Scalar($"SELECT count(*) FROM {jobSchema}.job")) > 0);

            await env.RestartHostAsync();

            Assert.Single(env.State().Subscriptions(env.TenantId));
            Assert.Equal(MessageAction.Rewrite, env.Verdicts.Get(new MessageKey(env.TenantId, ScannerEnvironment.Mailbox, "pg-lateral@partner.example"))?.Action);
            Assert.Equal(2, env.Audit.Query(env.TenantId).Count(e => e.State == AuditState.Completed));
            using var http = new HttpClient { BaseAddress = new Uri(env.BaseUrl) };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
            // The restarted host still scans: a new delivery gets its verdict.
            env.Deliver(ScannerEnvironment.ExternalPhish("pg-phish-2@micros0ft-support.xyz"));
            Assert.Equal(MessageAction.Quarantine, (await env.VerdictForAsync("pg-phish-2@micros0ft-support.xyz")).Action);
        }
        finally
        {
            schema.Scalar($"DROP SCHEMA IF EXISTS {jobSchema} CASCADE");
        }
    }
}
