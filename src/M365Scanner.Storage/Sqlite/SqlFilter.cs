using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite;

/// <summary>A WHERE clause built from the optional filters of a list query: a filter that is null adds nothing,
/// one that is set adds "column = $pN" with its value bound as a parameter. SQLite plans a statement when it is
/// prepared, before values are bound, so "$x IS NULL OR column = $x" would keep it from using an index on the
/// column; leaving the condition out does not.</summary>
/// <remarks>Column names come from the stores' own constants, never from callers.</remarks>
internal sealed class SqlFilter(string always)
{
    private readonly List<string> _conditions = [always];
    private readonly List<(string Name, object Value)> _values = [];

    public SqlFilter Equal(string column, object? value) => Add(column, "=", value);

    public SqlFilter AtLeast(string column, object? value) => Add(column, ">=", value);

    public SqlFilter Below(string column, object? value) => Add(column, "<", value);

    /// <summary>"<paramref name="expression"/> LIKE pattern ESCAPE '\'": the pattern escapes its own wildcards with a
    /// backslash. SQLite's LIKE ignores the case of ASCII letters (only).</summary>
    public SqlFilter Like(string expression, string? pattern) =>
        pattern is null ? this : Add(expression, "LIKE", pattern, @" ESCAPE '\'");

    /// <summary>Binds the values of the conditions added; returns <paramref name="command"/> for chaining.</summary>
    public SqliteCommand Bind(SqliteCommand command)
    {
        foreach (var (name, value) in _values)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

    public override string ToString() => string.Join(" AND ", _conditions);

    private SqlFilter Add(string column, string comparison, object? value, string after = "")
    {
        if (value is null)
            return this;
        var name = "$p" + _values.Count;
        _conditions.Add($"{column} {comparison} {name}{after}");
        _values.Add((name, value));
        return this;
    }
}
