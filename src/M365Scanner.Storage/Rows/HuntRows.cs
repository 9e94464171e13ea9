using System.Data.Common;
using System.Text.Json;
using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Rows;

/// <summary>A <see cref="HuntReport"/> as a row of <c>hunts</c>, for both SQL providers: matches and errors as JSON
/// text, read whole with their report.</summary>
internal static class HuntRows
{
    /// <summary>The columns a report is written to and read from, in the order of <see cref="Values"/> and
    /// <see cref="Read"/>; the first is the key.</summary>
    public const string Columns = "id, kind, indicator, tenant_id, window_hours, act, source, state, created_at, started_at, " +
                                  "finished_at, mailboxes, messages, acted_on, matches_json, errors_json, requested_by";

    /// <summary>The upsert's update list: every column but the id.</summary>
    public static readonly string SetFromExcluded = SqlColumns.SetFromExcluded(Columns, "id");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static object?[] Values(HuntReport report) =>
    [
        report.Id, StableName.Of(report.Kind), report.Indicator, report.TenantId, report.WindowHours, report.Act, report.Source,
        StableName.Of(report.State), report.CreatedAt, report.StartedAt, report.FinishedAt, report.MailboxesExamined,
        report.MessagesExamined, report.ActedOn, JsonSerializer.Serialize(report.Matches, Json),
        JsonSerializer.Serialize(report.Errors, Json), report.RequestedBy,
    ];

    public static HuntReport Read(DbDataReader reader, SqlDialect dialect) =>
        new(reader.GetString(0), StableName.Parse<HuntKind>(reader.GetString(1)), reader.GetStringOrNull(2), reader.GetStringOrNull(3),
            reader.GetInt32(4), reader.GetBoolean(5), reader.GetString(6), StableName.Parse<HuntState>(reader.GetString(7)),
            dialect.ReadInstant(reader, 8))
        {
            StartedAt = dialect.ReadInstantOrNull(reader, 9),
            FinishedAt = dialect.ReadInstantOrNull(reader, 10),
            MailboxesExamined = reader.GetInt32(11),
            MessagesExamined = reader.GetInt32(12),
            ActedOn = reader.GetInt32(13),
            Matches = JsonSerializer.Deserialize<List<HuntMatch>>(reader.GetString(14), Json) ?? [],
            Errors = JsonSerializer.Deserialize<List<string>>(reader.GetString(15), Json) ?? [],
            RequestedBy = reader.GetStringOrNull(16),
        };
}
