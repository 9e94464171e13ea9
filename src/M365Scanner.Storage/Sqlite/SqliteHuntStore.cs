using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite;

/// <summary>Hunt reports in a <see cref="SqliteDatabase"/> (table <c>hunts</c>).</summary>
public sealed class SqliteHuntStore(SqliteDatabase database) : IHuntStore
{
    private const string Columns = HuntRows.Columns;

    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public void Save(HuntReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _database.Write(transaction =>
        {
            using var upsert = transaction.Command($"""
                INSERT INTO hunts ({Columns}) VALUES ({SqlDialect.Sqlite.Parameters(Columns)})
                ON CONFLICT (id) DO UPDATE SET
                    {HuntRows.SetFromExcluded};
                """);
            SqlDialect.Sqlite.Bind(upsert, Columns, HuntRows.Values(report));
            upsert.ExecuteNonQuery();
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
            """, c => c.With("$kind", StableName.Of(HuntKind.Ioc)).With("$indicator", indicator).With("$source", source)).SingleOrDefault();
    }

    public IReadOnlyList<string> HuntedIndicators() => _database.Read(transaction =>
    {
        using var select = transaction.Command("""
            SELECT DISTINCT indicator FROM hunts WHERE kind = $kind AND state = $state AND indicator IS NOT NULL ORDER BY indicator;
            """);
        select.With("$kind", StableName.Of(HuntKind.Ioc)).With("$state", StableName.Of(HuntState.Completed));
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
            found.Add(HuntRows.Read(reader, SqlDialect.Sqlite));
        return found;
    });
}
