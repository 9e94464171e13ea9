using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.TestSupport;

namespace M365Scanner.Storage.Tests.Postgres;

/// <summary>A database written by the build whose records carried actions, states and kinds as strings, read by this
/// one whose records carry enums: the rows hold the same text either way (skipped when no server is configured).</summary>
public sealed class PostgresStoredNamesTests : IDisposable
{
    private static readonly MessageKey Key = new("tenant-a", "bob@tenant.example", "m1@partner.example");
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);

    private readonly PostgresTestSchema _schema = PostgresTestSchema.CreateOrSkip();

    public void Dispose() => _schema.Dispose();

    [SkippableFact]
    public void Stores_ReadTheStringsTheStringBuildWrote()
    {
        using (new PostgresDatabase(_schema.ConnectionString)) { } // today's schema
        _schema.Scalar("""
            INSERT INTO verdicts (tenant_id, mailbox, message_id, claim_owner, claimed_at, graph_message_id, scanned_at, action, score,
                                  explanation, enforced, links_json, notes, subject, sender)
            VALUES ('tenant-a', 'bob@tenant.example', 'm1@partner.example', 'job-1', '2024-03-01T12:00:00.250Z', 'AAMk1',
                    '2024-03-01T12:00:01.250Z', 'rewrite', 0.8, 'why', true, '[]', '', 'Invoice', 'alice@partner.example');
            INSERT INTO audit_entries (at, actor, tenant_id, mailbox, message_id, action, state, original_message_id,
                                       result_message_id, reasons, related_entry_id, updated_at)
            VALUES ('2024-03-01T12:00:00.250Z', 'scanner', 'tenant-a', 'bob@tenant.example', 'm1@partner.example', 'rewrite', 'released', 'AAMk1', 'AAMk2', 'why', NULL, '2024-03-01T12:00:01.250Z'),
                   ('2024-03-01T12:00:02.250Z', 'admin', 'tenant-a', 'bob@tenant.example', 'm1@partner.example', 'release', 'completed', 'AAMk1', NULL, 'release of rewrite 1', 1, NULL),
                   ('2024-03-01T12:00:03.250Z', 'scanner', 'tenant-a', 'bob@tenant.example', 'm1@partner.example', 'quarantine', 'copied', 'AAMk3', NULL, 'why', NULL, NULL);
            INSERT INTO hunts (id, kind, indicator, tenant_id, window_hours, act, source, state, created_at, started_at, finished_at,
                               mailboxes, messages, acted_on, matches_json, errors_json)
            VALUES ('h1', 'ioc', 'domain:evil.example', NULL, 24, true, 'api', 'failed', '2024-03-01T12:00:00.250Z', NULL, NULL, 0, 0, 0, '[]', '[]'),
                   ('h2', 'retro', NULL, 'tenant-a', 48, false, 'schedule', 'running', '2024-03-01T12:00:01.250Z', '2024-03-01T12:00:01.250Z', NULL, 0, 0, 0, '[]', '[]');
            INSERT INTO tenants (tenant_key, tenant_id, state, consented_at, granted_roles, problem)
            VALUES ('tenant-a', 'tenant-a', 'consent-failed', NULL, '', 'missing Mail.ReadWrite'),
                   ('tenant-b', 'tenant-b', 'offboarded', '2024-03-01T12:00:00.250Z', 'Mail.ReadWrite', NULL);
            """);

        using var database = new PostgresDatabase(_schema.ConnectionString);
        Assert.Equal(MessageAction.Rewrite, new PostgresVerdictStore(database).Get(Key)?.Action);
        var audit = new PostgresAuditLog(database);
        Assert.Equal([(AuditAction.Quarantine, AuditState.Copied), (AuditAction.Release, AuditState.Completed), (AuditAction.Rewrite, AuditState.Released)],
            audit.Query().Select(e => (e.Action, e.State)));
        var hunts = new PostgresHuntStore(database);
        Assert.Equal((HuntKind.Ioc, HuntState.Failed), (hunts.Get("h1")!.Kind, hunts.Get("h1")!.State));
        Assert.Equal((HuntKind.Retro, HuntState.Running), (hunts.Get("h2")!.Kind, hunts.Get("h2")!.State));
        var tenants = new PostgresTenantStore(database);
        Assert.Equal([TenantState.ConsentFailed, TenantState.Offboarded], tenants.All().Select(t => t.State));
    }

    [SkippableFact]
    public void Stores_WriteTheStringsTheStringBuildWrote()
    {
        using (var database = new PostgresDatabase(_schema.ConnectionString))
        {
            new PostgresVerdictStore(database).Record(new VerdictRecord(Key, "AAMk1", T0, MessageAction.Quarantine, 0.9, "why", true, "[]", ""));
            var audit = new PostgresAuditLog(database);
            var id = audit.Append(new AuditEntry(0, T0, "scanner", Key, AuditAction.Rewrite, AuditState.Started, "AAMk1", null, "why"));
            audit.Update(id, AuditState.Copied, null, "AAMk2", T0);
            new PostgresHuntStore(database).Save(new HuntReport("h1", HuntKind.Retro, null, null, 24, false, "api", HuntState.Queued, T0));
            new PostgresTenantStore(database).Save(new TenantRecord("tenant-a", TenantState.ConsentFailed, null, [], "no role"));
        }

        Assert.Equal("quarantine", _schema.Scalar("SELECT action FROM verdicts;"));
        Assert.Equal("rewrite|copied", _schema.Scalar("SELECT action || '|' || state FROM audit_entries;"));
        Assert.Equal("retro|queued", _schema.Scalar("SELECT kind || '|' || state FROM hunts;"));
        Assert.Equal("consent-failed", _schema.Scalar("SELECT state FROM tenants;"));
    }
}
