using M365Scanner.Core.Operations;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite;

/// <summary>The few lines every operations store repeats: a command in the caller's transaction, named parameters
/// (null as SQL NULL), and a message key bound as $tenant, $mailbox, $message.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static SqliteCommand WithKey(this SqliteCommand command, MessageKey key) => command
        .With("$tenant", key.TenantId)
        .With("$mailbox", key.Mailbox)
        .With("$message", key.MessageId);

    public static string? GetStringOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? GetInt64OrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
