using System.Text.Json.Serialization;

namespace M365Scanner.Core.Policy;

/// <summary>What happens to a message. The names are part of the CLI's output contract (lower case); the names in
/// brackets are what a stored verdict keeps and the admin API shows (<see cref="Operations.StableName"/>).</summary>
public enum MessageAction
{
    /// <summary>Leave it byte-for-byte untouched.</summary>
    [JsonStringEnumMemberName("allow")]
    Allow,
    /// <summary>Replace only the offending links with the blocked-link page.</summary>
    [JsonStringEnumMemberName("rewrite")]
    Rewrite,
    /// <summary>Move the whole message to quarantine.</summary>
    [JsonStringEnumMemberName("quarantine")]
    Quarantine,
}
