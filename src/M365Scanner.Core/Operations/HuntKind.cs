using System.Text.Json.Serialization;

namespace M365Scanner.Core.Operations;

/// <summary>The kinds of hunt. The names in brackets are what the store keeps and the API shows
/// (<see cref="StableName"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HuntKind>))]
public enum HuntKind
{
    /// <summary>Re-scores recent delivered mail with today's graph, policy and known indicators.</summary>
    [JsonStringEnumMemberName("retro")]
    Retro,

    /// <summary>Looks for one indicator of compromise across every monitored mailbox.</summary>
    [JsonStringEnumMemberName("ioc")]
    Ioc,
}
