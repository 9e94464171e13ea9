using System.Text.Json.Serialization;

namespace M365Scanner.Core.Operations;

/// <summary>Where a user's request to release a held message stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReleaseRequestState>))]
public enum ReleaseRequestState
{
    /// <summary>Filed by the user, waiting for an analyst.</summary>
    [JsonStringEnumMemberName("open")]
    Open,

    /// <summary>An analyst approved it and the message was released.</summary>
    [JsonStringEnumMemberName("released")]
    Released,

    /// <summary>An analyst refused it, with a reason the user is shown.</summary>
    [JsonStringEnumMemberName("denied")]
    Denied,
}
