using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite;

/// <summary>Phish reports in a <see cref="SqliteDatabase"/> (table <c>phish_reports</c>). A unique index on the tenant
/// and the report message keeps one report per report message, so <see cref="Record"/> is one insert that does nothing
/// for a duplicate.</summary>
public sealed class SqlitePhishReportStore(SqliteDatabase database) : IPhishReportStore
{
    private const string Columns = PhishReportRows.Columns;

    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc />
    public (PhishReport Report, bool Recorded) Record(PhishReport report)
    {
        PhishReportRows.CheckRecorded(report);
        return _database.Write(transaction =>
        {
            using var insert = transaction.Command($"""
                INSERT INTO phish_reports ({Columns})
                VALUES ($id, $tenant, $key, $reporter, $verified, $at, $original, $sender, $subject, $links, $notes, 'open',
                        NULL, NULL, NULL, '[]')
                ON CONFLICT DO NOTHING;
                """);
            var recorded = insert.With("$id", report.Id).With("$tenant", report.TenantId).With("$key", report.ReportKey)
                .With("$reporter", report.Reporter).With("$verified", report.ReporterVerified ? 1 : 0)
                .With("$at", UnixMilliseconds.From(report.ReportedAt)).With("$original", report.OriginalMessageId)
                .With("$sender", report.OriginalSender).With("$subject", report.OriginalSubject)
                .With("$links", PhishReportRows.List(report.Links)).With("$notes", report.Notes).ExecuteNonQuery() == 1;
            using var select = transaction.Command($"SELECT {Columns} FROM phish_reports WHERE tenant_id = $tenant AND report_key = $key;");
            return (Single(select.With("$tenant", report.TenantId).With("$key", report.ReportKey))!, recorded);
        });
    }

    /// <inheritdoc />
    public PhishReport? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _database.Read(transaction =>
        {
            using var select = transaction.Command($"SELECT {Columns} FROM phish_reports WHERE id = $id;");
            return Single(select.With("$id", id));
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<PhishReport> Recent(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.Read(transaction =>
        {
            using var select = transaction.Command($"SELECT {Columns} FROM phish_reports ORDER BY seq DESC LIMIT $limit;");
            using var reader = select.With("$limit", limit).ExecuteReader();
            var found = new List<PhishReport>();
            while (reader.Read())
                found.Add(Read(reader));
            return found;
        });
    }

    /// <inheritdoc />
    public bool Decide(string id, PhishReportState outcome, string decidedBy, DateTimeOffset at, string? reason, IReadOnlyList<string> huntIds)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(decidedBy);
        ArgumentNullException.ThrowIfNull(huntIds);
        PhishReportRows.CheckDecision(outcome);
        return _database.Write(transaction =>
        {
            using var update = transaction.Command("""
                UPDATE phish_reports SET state = $state, decided_by = $by, decided_at = $at, decision_reason = $reason, hunt_ids = $hunts
                WHERE id = $id AND state = 'open';
                """);
            return update.With("$id", id).With("$state", PhishReportRows.StateName(outcome)).With("$by", decidedBy)
                .With("$at", UnixMilliseconds.From(at)).With("$reason", reason).With("$hunts", PhishReportRows.List(huntIds))
                .ExecuteNonQuery() == 1;
        });
    }

    /// <inheritdoc />
    public int DeleteTenant(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return _database.Write(transaction =>
        {
            using var delete = transaction.Command("DELETE FROM phish_reports WHERE tenant_id = $tenant;");
            return delete.With("$tenant", tenantId).ExecuteNonQuery();
        });
    }

    private static PhishReport? Single(SqliteCommand select)
    {
        using var reader = select.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static PhishReport Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetInt64(4) != 0,
        UnixMilliseconds.ToInstant(reader.GetInt64(5)),
        reader.GetStringOrNull(6),
        reader.GetStringOrNull(7),
        reader.GetStringOrNull(8),
        PhishReportRows.List(reader.GetString(9)),
        reader.GetString(10),
        PhishReportRows.State(reader.GetString(11)),
        reader.GetStringOrNull(12),
        UnixMilliseconds.ToInstant(reader.GetInt64OrNull(13)),
        reader.GetStringOrNull(14))
    {
        HuntIds = PhishReportRows.List(reader.GetString(15)),
    };
}
