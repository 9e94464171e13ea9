using M365Scanner.Core.Operations;
using Npgsql;

namespace M365Scanner.Storage.Postgres;

/// <summary>The few lines every PostgreSQL store repeats: a command on a connection, named parameters (null as SQL
/// NULL, instants as UTC milliseconds), and a message key bound as @tenant, @mailbox, @message.</summary>
internal static class PostgresCommands
{
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql) => new(sql, connection);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value switch
        {
            null => DBNull.Value,
            DateTimeOffset at => Milliseconds(at),
            _ => value,
        });
        return command;
    }

    public static NpgsqlCommand WithKey(this NpgsqlCommand command, MessageKey key) => command
        .With("tenant", key.TenantId)
        .With("mailbox", key.Mailbox)
        .With("message", key.MessageId);

    /// <summary>The instant as a UTC <see cref="DateTime"/> (what Npgsql writes to timestamptz) cut to whole
    /// milliseconds, the precision the SQLite stores keep, so both providers read back the same value.</summary>
    public static DateTime Milliseconds(DateTimeOffset at) =>
        DateTime.UnixEpoch.AddMilliseconds(at.ToUnixTimeMilliseconds());

    /// <summary>The instant cut to whole seconds (the graph's precision).</summary>
    public static DateTime Seconds(DateTimeOffset at) => DateTime.UnixEpoch.AddSeconds(at.ToUnixTimeSeconds());

    public static DateTimeOffset GetInstant(this NpgsqlDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    public static DateTimeOffset? GetInstantOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInstant(ordinal);

    public static string? GetStringOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? GetInt64OrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static List<T> ReadAll<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> read)
    {
        using var reader = command.ExecuteReader();
        var found = new List<T>();
        while (reader.Read())
            found.Add(read(reader));
        return found;
    }
}
