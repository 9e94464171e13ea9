using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>A file written by the build whose records carried actions, states and kinds as strings, read by this one
/// whose records carry enums: the rows hold the same text either way.</summary>
public sealed class SqliteStoredNamesTests : IDisposable
{
    private static readonly MessageKey Key = new("tenant-a", "bob@tenant.example", "m1@partner.example");
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);

    private readonly TempDatabaseFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public void Stores_ReadTheStringsTheStringBuildWrote()
    {
        using (SqliteDatabase.OpenFile(_file.Path)) { } // today's schema
        Execute("""
            INSERT INTO verdicts (tenant_id, mailbox, message_id, claim_owner, claimed_at, graph_message_id, scanned_at, action, score,
                                  explanation, enforced, links_json, notes, subject, sender)
            VALUES ('tenant-a', 'bob@tenant.example', 'm1@partner.example', 'job-1', 1709294400250, 'AAMk1', 1709294401250,
                    'rewrite', 0.8, 'why', 1, '[]', '', 'Invoice', 'alice@partner.example');
            INSERT INTO audit_entries (at, actor, tenant_id, mailbox, message_id, action, state, original_message_id,
                                       result_message_id, reasons, related_entry_id, updated_at)
            VALUES (1709294400250, 'scanner', 'tenant-a', 'bob@tenant.example', 'm1@partner.example', 'rewrite', 'released', 'AAMk1', 'AAMk2', 'why', NULL, 1709294401250),
                   (1709294402250, 'admin', 'tenant-a', 'bob@tenant.example', 'm1@partner.example', 'release', 'completed', 'AAMk1', NULL, 'release of rewrite 1', 1, NULL),
                   (1709294403250, 'scanner', 'tenant-a', 'bob@tenant.example', 'm1@partner.example', 'quarantine', 'copied', 'AAMk3', NULL, 'why', NULL, NULL);
            INSERT INTO hunts (id, kind, indicator, tenant_id, window_hours, act, source, state, created_at, started_at, finished_at,
                               mailboxes, messages, acted_on, matches_json, errors_json)
            VALUES ('h1', 'ioc', 'domain:evil.example', NULL, 24, 1, 'api', 'failed', 1709294400250, NULL, NULL, 0, 0, 0, '[]', '[]'),
                   ('h2', 'retro', NULL, 'tenant-a', 48, 0, 'schedule', 'running', 1709294401250, 1709294401250, NULL, 0, 0, 0, '[]', '[]');
            INSERT INTO tenants (tenant_id, state, consented_at, granted_roles, problem)
            VALUES ('tenant-a', 'consent-failed', NULL, '', 'missing Mail.ReadWrite'), ('tenant-b', 'offboarded', 1709294400250, 'Mail.ReadWrite', NULL);
            """);

        using var database = SqliteDatabase.OpenFile(_file.Path);
        Assert.Equal(MessageAction.Rewrite, new SqliteVerdictStore(database).Get(Key)?.Action);
        var audit = new SqliteAuditLog(database);
        Assert.Equal([(AuditAction.Quarantine, AuditState.Copied), (AuditAction.Release, AuditState.Completed), (AuditAction.Rewrite, AuditState.Released)],
            audit.Query().Select(e => (e.Action, e.State)));
        var hunts = new SqliteHuntStore(database);
        Assert.Equal((HuntKind.Ioc, HuntState.Failed), (hunts.Get("h1")!.Kind, hunts.Get("h1")!.State));
        Assert.Equal((HuntKind.Retro, HuntState.Running), (hunts.Get("h2")!.Kind, hunts.Get("h2")!.State));
        var tenants = new SqliteTenantStore(database);
        Assert.Equal([TenantState.ConsentFailed, TenantState.Offboarded], tenants.All().Select(t => t.State));
    }

    [Fact]
    public void Stores_WriteTheStringsTheStringBuildWrote()
    {
        using (var database = SqliteDatabase.OpenFile(_file.Path))
        {
            new SqliteVerdictStore(database).Record(new VerdictRecord(Key, "AAMk1", T0, MessageAction.Quarantine, 0.9, "why", true, "[]", ""));
            var audit = new SqliteAuditLog(database);
            var id = audit.Append(new AuditEntry(0, T0, "scanner", Key, AuditAction.Rewrite, AuditState.Started, "AAMk1", null, "why"));
            audit.Update(id, AuditState.Copied, null, "AAMk2", T0);
            new SqliteHuntStore(database).Save(new HuntReport("h1", HuntKind.Retro, null, null, 24, false, "api", HuntState.Queued, T0));
            new SqliteTenantStore(database).Save(new TenantRecord("tenant-a", TenantState.ConsentFailed, null, [], "no role"));
        }

        Assert.Equal("quarantine", Text("SELECT action FROM verdicts;"));
        Assert.Equal("rewrite|copied", Text("SELECT action || '|' || state FROM audit_entries;"));
        Assert.Equal("retro|queued", Text("SELECT kind || '|' || state FROM hunts;"));
        Assert.Equal("consent-failed", Text("SELECT state FROM tenants;"));
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private string? Text(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }
}
