using System.Text.Json.Serialization;
using M365Scanner.Core.Scanning;

namespace M365Scanner.Cli.Output;

/// <summary>One line of the scan's JSONL output. The shape is a published contract (the product's evaluation
/// reads it): add fields, never rename or remove them.</summary>
public sealed record ScanRecord
{
    public required string File { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InternetMessageId { get; init; }

    /// <summary>allow | rewrite | quarantine; absent on error lines.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Action { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Score { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<LinkReport>? Links { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Notes { get; init; }

    /// <summary>Why the file could not be scanned as a message; only on error lines.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>Subject, for the text table; not part of the JSON contract.</summary>
    [JsonIgnore]
    public string? Subject { get; init; }

    public static ScanRecord Failed(string file, string error) => new() { File = file, Error = error };
}
