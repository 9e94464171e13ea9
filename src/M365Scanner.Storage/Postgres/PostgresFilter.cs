using Npgsql;

namespace M365Scanner.Storage.Postgres;

/// <summary>A WHERE clause built from the optional filters of a list query: a filter that is null adds nothing,
/// one that is set adds "column = @pN". Leaving out the unused conditions keeps each query plain enough that the
/// planner picks the matching index also for a cached generic plan, where "@x IS NULL OR column = @x" would not
/// let it.</summary>
/// <remarks>Column names come from the stores' own constants, never from callers.</remarks>
internal sealed class PostgresFilter(string always)
{
    private readonly List<string> _conditions = [always];
    private readonly List<(string Name, object Value)> _values = [];

    public PostgresFilter Equal(string column, object? value) => Add(column, "=", value);

    public PostgresFilter AtLeast(string column, object? value) => Add(column, ">=", value);

    public PostgresFilter Below(string column, object? value) => Add(column, "<", value);

    /// <summary>"<paramref name="expression"/> LIKE pattern ESCAPE '\'" (or ILIKE): the pattern escapes its own
    /// wildcards with a backslash.</summary>
    public PostgresFilter Like(string expression, string? pattern, bool ignoreCase = false) =>
        pattern is null ? this : Add(expression, ignoreCase ? "ILIKE" : "LIKE", pattern, @" ESCAPE '\'");

    /// <summary>Binds the values of the conditions added; returns <paramref name="command"/> for chaining.</summary>
    public NpgsqlCommand Bind(NpgsqlCommand command)
    {
        foreach (var (name, value) in _values)
            command.With(name, value);
        return command;
    }

    public override string ToString() => string.Join(" AND ", _conditions);

    private PostgresFilter Add(string column, string comparison, object? value, string after = "")
    {
        if (value is null)
            return this;
        var name = "p" + _values.Count;
        _conditions.Add($"{column} {comparison} @{name}{after}");
        _values.Add((name, value));
        return this;
    }
}
