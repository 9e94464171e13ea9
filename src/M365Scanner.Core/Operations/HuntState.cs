using System.Text.Json.Serialization;

namespace M365Scanner.Core.Operations;

/// <summary>Where a hunt is: queued (its job is waiting), running, completed (errors on single messages or mailboxes
/// are listed in the report), failed (the hunt itself stopped). The names in brackets are what the store keeps and
/// the API shows (<see cref="StableName"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HuntState>))]
public enum HuntState
{
    [JsonStringEnumMemberName("queued")]
    Queued,

    [JsonStringEnumMemberName("running")]
    Running,

    [JsonStringEnumMemberName("completed")]
    Completed,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
