using System.Text.Json.Serialization;

namespace M365Scanner.Core.Operations;

/// <summary>Where one outbound alert stands. The names in brackets are what the outbox stores and the admin API shows
/// (<see cref="StableName"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertState>))]
public enum AlertState
{
    /// <summary>Waiting for its first or next attempt.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    [JsonStringEnumMemberName("delivered")]
    Delivered,

    /// <summary>Given up on: refused (a 4xx other than 408 and 429) or out of attempts; its last error says why.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
