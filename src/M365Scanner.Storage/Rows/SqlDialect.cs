using System.Data.Common;

namespace M365Scanner.Storage.Rows;

/// <summary>
/// What differs between the two SQL providers where a row is written or read: how a parameter is named, and how an
/// instant is kept (SQLite: milliseconds since 1970 as an integer; PostgreSQL: timestamptz cut to whole milliseconds,
/// so both read back the same value), and how a list of strings is kept (SQLite: one text, a line each; PostgreSQL:
/// a text[]). The row mappers in this folder are written once against it; upserts, locking
/// and transactions stay in each provider's store.
/// </summary>
internal abstract class SqlDialect
{
    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    public static SqlDialect Postgres { get; } = new PostgresDialect();

    /// <summary>The parameter as SQL text refers to it ("$name" or "@name").</summary>
    public abstract string Parameter(string name);

    /// <summary>"$a, $b, ..." for the columns of a comma-separated list, each parameter named after its column.</summary>
    public string Parameters(string columns) => string.Join(", ", SqlColumns.Split(columns).Select(Parameter));

    /// <summary>Binds each value to the parameter named after its column, in the order of the list.</summary>
    /// <exception cref="ArgumentException">The values do not match the columns one for one.</exception>
    public void Bind(DbCommand command, string columns, IReadOnlyList<object?> values)
    {
        var names = SqlColumns.Split(columns);
        if (names.Length != values.Count)
            throw new ArgumentException($"{values.Count} values for {names.Length} columns ({columns}).", nameof(values));
        for (var i = 0; i < names.Length; i++)
            Bind(command, names[i], values[i]);
    }

    /// <summary>Binds one value: null as SQL NULL, an instant in this provider's encoding.</summary>
    public void Bind(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = Parameter(name);
        parameter.Value = value switch
        {
            null => DBNull.Value,
            DateTimeOffset at => Instant(at),
            _ => value,
        };
        command.Parameters.Add(parameter);
    }

    public abstract DateTimeOffset ReadInstant(DbDataReader reader, int ordinal);

    public DateTimeOffset? ReadInstantOrNull(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadInstant(reader, ordinal);

    protected abstract object Instant(DateTimeOffset at);

    /// <summary>A list of strings as this provider keeps it in one column.</summary>
    public abstract object TextList(IReadOnlyList<string> values);

    public abstract IReadOnlyList<string> ReadTextList(DbDataReader reader, int ordinal);

    private sealed class SqliteDialect : SqlDialect
    {
        public override string Parameter(string name) => "$" + name;

        protected override object Instant(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

        public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

        // The values are Graph ids, which hold no line break.
        public override object TextList(IReadOnlyList<string> values) => string.Join('\n', values);

        public override IReadOnlyList<string> ReadTextList(DbDataReader reader, int ordinal) =>
            reader.GetString(ordinal) is { Length: > 0 } text ? text.Split('\n') : [];
    }

    private sealed class PostgresDialect : SqlDialect
    {
        public override string Parameter(string name) => "@" + name;

        // Npgsql writes a UTC DateTime to timestamptz.
        protected override object Instant(DateTimeOffset at) => DateTime.UnixEpoch.AddMilliseconds(at.ToUnixTimeMilliseconds());

        public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
            new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

        public override object TextList(IReadOnlyList<string> values) => values.ToArray();

        public override IReadOnlyList<string> ReadTextList(DbDataReader reader, int ordinal) => reader.GetFieldValue<string[]>(ordinal);
    }
}
