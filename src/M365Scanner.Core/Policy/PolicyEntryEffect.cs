using System.Text.Json.Serialization;

namespace M365Scanner.Core.Policy;

/// <summary>What a <see cref="PolicyEntry"/> does to what it matches. The names are stored and shown by the admin API.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PolicyEntryEffect>))]
public enum PolicyEntryEffect
{
    /// <summary>Not acted on: "not a threat".</summary>
    [JsonStringEnumMemberName("allow")]
    Allow,
    /// <summary>Acted on whatever the score: "block".</summary>
    [JsonStringEnumMemberName("block")]
    Block,
}
