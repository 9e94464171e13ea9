using System.Data.Common;

namespace M365Scanner.Storage.Rows;

/// <summary>Helpers for the row mappers' column lists and nullable reads.</summary>
internal static class SqlColumns
{
    public static string[] Split(string columns) =>
        columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>"a = excluded.a, b = excluded.b" for every column but the conflict key: an upsert's update list,
    /// which both providers spell the same.</summary>
    public static string SetFromExcluded(string columns, params string[] key) =>
        string.Join(",\n    ", Split(columns).Where(c => !key.Contains(c)).Select(c => $"{c} = excluded.{c}"));

    public static string? GetStringOrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? GetInt64OrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
