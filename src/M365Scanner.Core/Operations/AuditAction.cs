using System.Text.Json.Serialization;

namespace M365Scanner.Core.Operations;

/// <summary>What an <see cref="AuditEntry"/> did to a message. The names in brackets are what the audit log stores
/// and the admin API shows (<see cref="StableName"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuditAction>))]
public enum AuditAction
{
    /// <summary>A copy with the offending links rewritten went to the Inbox; the original to quarantine.</summary>
    [JsonStringEnumMemberName("rewrite")]
    Rewrite,

    /// <summary>The message went to quarantine.</summary>
    [JsonStringEnumMemberName("quarantine")]
    Quarantine,

    /// <summary>An earlier rewrite or quarantine was undone.</summary>
    [JsonStringEnumMemberName("release")]
    Release,

    /// <summary>A notice that the message was held went to the recipient's Inbox (its id is the entry's result); a
    /// step of its own, after the quarantine, so a failed notice never undoes or blocks the quarantine.</summary>
    [JsonStringEnumMemberName("notice")]
    Notice,
}
