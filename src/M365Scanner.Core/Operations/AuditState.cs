using System.Text.Json.Serialization;

namespace M365Scanner.Core.Operations;

/// <summary>The states an <see cref="AuditEntry"/> moves through. The names in brackets are what the audit log
/// stores and the admin API shows (<see cref="StableName"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuditState>))]
public enum AuditState
{
    [JsonStringEnumMemberName("started")]
    Started,

    /// <summary>Rewrite only: the rewritten copy exists; the original is not yet in quarantine.</summary>
    [JsonStringEnumMemberName("copied")]
    Copied,

    [JsonStringEnumMemberName("completed")]
    Completed,

    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Undone by a later release entry.</summary>
    [JsonStringEnumMemberName("released")]
    Released,
}
