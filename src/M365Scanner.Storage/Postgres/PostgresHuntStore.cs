using System.Text.Json;
using M365Scanner.Core.Operations;
using Npgsql;

namespace M365Scanner.Storage.Postgres;

/// <summary>Hunt reports in a <see cref="PostgresDatabase"/> (table <c>hunts</c>). Matches and errors are JSON text,
/// read whole with their report, as in the SQLite store.</summary>
public sealed class PostgresHuntStore(PostgresDatabase database) : IHuntStore
{
    private const string Columns = "id, kind, indicator, tenant_id, window_hours, act, source, state, created_at, started_at, " +
                                   "finished_at, mailboxes, messages, acted_on, matches_json, errors_json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly PostgresDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public void Save(HuntReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _database.Run(connection =>
        {
            // seq is left alone on update: it stays the order of the first save.
            using var upsert = connection.Command($"""
                INSERT INTO hunts ({Columns}) VALUES (@id, @kind, @indicator, @tenant, @window, @act, @source, @state,
                    @created, @started, @finished, @mailboxes, @messages, @acted, @matches, @errors)
                ON CONFLICT (id) DO UPDATE SET
                    kind = excluded.kind, indicator = excluded.indicator, tenant_id = excluded.tenant_id,
                    window_hours = excluded.window_hours, act = excluded.act, source = excluded.source,
                    state = excluded.state, created_at = excluded.created_at, started_at = excluded.started_at,
                    finished_at = excluded.finished_at, mailboxes = excluded.mailboxes, messages = excluded.messages,
                    acted_on = excluded.acted_on, matches_json = excluded.matches_json, errors_json = excluded.errors_json;
                """);
            return upsert.With("id", report.Id)
                .With("kind", report.Kind)
                .With("indicator", report.Indicator)
                .With("tenant", report.TenantId)
                .With("window", report.WindowHours)
                .With("act", report.Act)
                .With("source", report.Source)
                .With("state", report.State)
                .With("created", report.CreatedAt)
                .With("started", report.StartedAt)
                .With("finished", report.FinishedAt)
                .With("mailboxes", report.MailboxesExamined)
                .With("messages", report.MessagesExamined)
                .With("acted", report.ActedOn)
                .With("matches", JsonSerializer.Serialize(report.Matches, Json))
                .With("errors", JsonSerializer.Serialize(report.Errors, Json))
                .ExecuteNonQuery();
        });
    }

    public HuntReport? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Read($"SELECT {Columns} FROM hunts WHERE id = @id;", c => c.With("id", id)).SingleOrDefault();
    }

    public IReadOnlyList<HuntReport> Recent(int limit) =>
        Read($"SELECT {Columns} FROM hunts ORDER BY created_at DESC, seq DESC LIMIT @limit;", c => c.With("limit", Math.Max(0, limit)));

    public HuntReport? Latest(string indicator, string source)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(source);
        return Read($"""
            SELECT {Columns} FROM hunts WHERE kind = @kind AND indicator = @indicator AND source = @source
            ORDER BY created_at DESC, seq DESC LIMIT 1;
            """, c => c.With("kind", HuntKinds.Ioc).With("indicator", indicator).With("source", source)).SingleOrDefault();
    }

    /// <remarks>Sorted in byte order (the column's "C" collation): the ordinal order of the other stores.</remarks>
    public IReadOnlyList<string> HuntedIndicators() => _database.Run(connection =>
    {
        using var select = connection.Command("""
            SELECT DISTINCT indicator FROM hunts WHERE kind = @kind AND state = @state AND indicator IS NOT NULL ORDER BY indicator;
            """);
        return select.With("kind", HuntKinds.Ioc).With("state", HuntStates.Completed).ReadAll(reader => reader.GetString(0));
    });

    private List<HuntReport> Read(string sql, Action<NpgsqlCommand> bind) => _database.Run(connection =>
    {
        using var select = connection.Command(sql);
        bind(select);
        return select.ReadAll(reader => new HuntReport(reader.GetString(0), reader.GetString(1), reader.GetStringOrNull(2),
            reader.GetStringOrNull(3), reader.GetInt32(4), reader.GetBoolean(5), reader.GetString(6), reader.GetString(7),
            reader.GetInstant(8))
        {
            StartedAt = reader.GetInstantOrNull(9),
            FinishedAt = reader.GetInstantOrNull(10),
            MailboxesExamined = reader.GetInt32(11),
            MessagesExamined = reader.GetInt32(12),
            ActedOn = reader.GetInt32(13),
            Matches = JsonSerializer.Deserialize<List<HuntMatch>>(reader.GetString(14), Json) ?? [],
            Errors = JsonSerializer.Deserialize<List<string>>(reader.GetString(15), Json) ?? [],
        });
    });
}
