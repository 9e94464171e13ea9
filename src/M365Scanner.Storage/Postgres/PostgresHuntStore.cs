using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;
using Npgsql;

namespace M365Scanner.Storage.Postgres;

/// <summary>Hunt reports in a <see cref="PostgresDatabase"/> (table <c>hunts</c>). Matches and errors are JSON text,
/// read whole with their report, as in the SQLite store.</summary>
public sealed class PostgresHuntStore(PostgresDatabase database) : IHuntStore
{
    private const string Columns = HuntRows.Columns;

    private readonly PostgresDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public void Save(HuntReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _database.Run(connection =>
        {
            // seq is left alone on update: it stays the order of the first save.
            using var upsert = connection.Command($"""
                INSERT INTO hunts ({Columns}) VALUES ({SqlDialect.Postgres.Parameters(Columns)})
                ON CONFLICT (id) DO UPDATE SET
                    {HuntRows.SetFromExcluded};
                """);
            SqlDialect.Postgres.Bind(upsert, Columns, HuntRows.Values(report));
            return upsert.ExecuteNonQuery();
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
            """, c => c.With("kind", StableName.Of(HuntKind.Ioc)).With("indicator", indicator).With("source", source)).SingleOrDefault();
    }

    /// <remarks>Sorted in byte order (the column's "C" collation): the ordinal order of the other stores.</remarks>
    public IReadOnlyList<string> HuntedIndicators() => _database.Run(connection =>
    {
        using var select = connection.Command("""
            SELECT DISTINCT indicator FROM hunts WHERE kind = @kind AND state = @state AND indicator IS NOT NULL ORDER BY indicator;
            """);
        return select.With("kind", StableName.Of(HuntKind.Ioc)).With("state", StableName.Of(HuntState.Completed)).ReadAll(reader => reader.GetString(0));
    });

    private List<HuntReport> Read(string sql, Action<NpgsqlCommand> bind) => _database.Run(connection =>
    {
        using var select = connection.Command(sql);
        bind(select);
        return select.ReadAll(reader => HuntRows.Read(reader, SqlDialect.Postgres));
    });
}
