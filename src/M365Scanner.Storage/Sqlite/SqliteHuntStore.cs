using System.Text.Json;
using M365Scanner.Core.Operations;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite;

/// <summary>Hunt reports in a <see cref="SqliteDatabase"/> (table <c>hunts</c>).</summary>
public sealed class SqliteHuntStore(SqliteDatabase database) : IHuntStore
{
    private const string Columns = "id, kind, indicator, tenant_id, window_hours, act, source, state, created_at, started_at, " +
                                   "finished_at, mailboxes, messages, acted_on, matches_json, errors_json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public void Save(HuntReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _database.Write(transaction =>
        {
            using var upsert = transaction.Command($"""
                INSERT INTO hunts ({Columns}) VALUES ($id, $kind, $indicator, $tenant, $window, $act, $source, $state,
                    $created, $started, $finished, $mailboxes, $messages, $acted, $matches, $errors)
                ON CONFLICT (id) DO UPDATE SET
                    kind = excluded.kind, indicator = excluded.indicator, tenant_id = excluded.tenant_id,
                    window_hours = excluded.window_hours, act = excluded.act, source = excluded.source,
                    state = excluded.state, created_at = excluded.created_at, started_at = excluded.started_at,
                    finished_at = excluded.finished_at, mailboxes = excluded.mailboxes, messages = excluded.messages,
                    acted_on = excluded.acted_on, matches_json = excluded.matches_json, errors_json = excluded.errors_json;
                """);
            upsert.With("$id", report.Id)
                .With("$kind", report.Kind)
                .With("$indicator", report.Indicator)
                .With("$tenant", report.TenantId)
                .With("$window", report.WindowHours)
                .With("$act", report.Act ? 1 : 0)
                .With("$source", report.Source)
                .With("$state", report.State)
                .With("$created", UnixMilliseconds.From(report.CreatedAt))
                .With("$started", report.StartedAt is { } s ? UnixMilliseconds.From(s) : null)
                .With("$finished", report.FinishedAt is { } f ? UnixMilliseconds.From(f) : null)
                .With("$mailboxes", report.MailboxesExamined)
                .With("$messages", report.MessagesExamined)
                .With("$acted", report.ActedOn)
                .With("$matches", JsonSerializer.Serialize(report.Matches, Json))
                .With("$errors", JsonSerializer.Serialize(report.Errors, Json))
                .ExecuteNonQuery();
        });
    }

    public HuntReport? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Read($"SELECT {Columns} FROM hunts WHERE id = $id;", c => c.With("$id", id)).SingleOrDefault();
    }

    public IReadOnlyList<HuntReport> Recent(int limit) =>
        Read($"SELECT {Columns} FROM hunts ORDER BY created_at DESC, rowid DESC LIMIT $limit;", c => c.With("$limit", Math.Max(0, limit)));

    public HuntReport? Latest(string indicator, string source)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(source);
        return Read($"""
            SELECT {Columns} FROM hunts WHERE kind = $kind AND indicator = $indicator AND source = $source
            ORDER BY created_at DESC, rowid DESC LIMIT 1;
            """, c => c.With("$kind", HuntKinds.Ioc).With("$indicator", indicator).With("$source", source)).SingleOrDefault();
    }

    public IReadOnlyList<string> HuntedIndicators() => _database.Read(transaction =>
    {
        using var select = transaction.Command("""
            SELECT DISTINCT indicator FROM hunts WHERE kind = $kind AND state = $state AND indicator IS NOT NULL ORDER BY indicator;
            """);
        select.With("$kind", HuntKinds.Ioc).With("$state", HuntStates.Completed);
        using var reader = select.ExecuteReader();
        var found = new List<string>();
        while (reader.Read())
            found.Add(reader.GetString(0));
        // SQLite orders by its BINARY collation, which is ordinal for UTF-8: the same order as the in-memory store.
        return found;
    });

    private List<HuntReport> Read(string sql, Action<SqliteCommand> bind) => _database.Read(transaction =>
    {
        using var select = transaction.Command(sql);
        bind(select);
        using var reader = select.ExecuteReader();
        var found = new List<HuntReport>();
        while (reader.Read())
        {
            found.Add(new HuntReport(reader.GetString(0), reader.GetString(1), reader.GetStringOrNull(2), reader.GetStringOrNull(3),
                reader.GetInt32(4), reader.GetInt64(5) != 0, reader.GetString(6), reader.GetString(7),
                UnixMilliseconds.ToInstant(reader.GetInt64(8)))
            {
                StartedAt = UnixMilliseconds.ToInstant(reader.GetInt64OrNull(9)),
                FinishedAt = UnixMilliseconds.ToInstant(reader.GetInt64OrNull(10)),
                MailboxesExamined = reader.GetInt32(11),
                MessagesExamined = reader.GetInt32(12),
                ActedOn = reader.GetInt32(13),
                Matches = JsonSerializer.Deserialize<List<HuntMatch>>(reader.GetString(14), Json) ?? [],
                Errors = JsonSerializer.Deserialize<List<string>>(reader.GetString(15), Json) ?? [],
            });
        }
        return found;
    });
}
