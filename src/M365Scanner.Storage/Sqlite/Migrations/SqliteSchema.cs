namespace M365Scanner.Storage.Sqlite.Migrations;

/// <summary>The embedded database's schema as an ordered list of steps. A later feature (verdicts, audit log)
/// adds its tables by appending a step here, with the next version number.</summary>
public static class SqliteSchema
{
    /// <summary>Every step, in the order they are applied.</summary>
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        // The correspondence graph: one row per counted edge. WITHOUT ROWID keeps the row inside the primary-key
        // B-tree, so the three keys are stored once (a rowid table would store them twice: table and index).
        // Times are whole unix seconds (Date: headers have no finer precision) so they fit in 4-5 bytes.
        new(1, "correspondence edges", """
            CREATE TABLE edges (
                kind     INTEGER NOT NULL,
                from_key TEXT    NOT NULL,
                to_key   TEXT    NOT NULL,
                count    INTEGER NOT NULL,
                first    INTEGER NOT NULL,
                last     INTEGER NOT NULL,
                PRIMARY KEY (kind, from_key, to_key)
            ) WITHOUT ROWID;
            """),
    ];

    /// <summary>The version a database has once every step is applied.</summary>
    public static int LatestVersion => Migrations[^1].Version;
}
