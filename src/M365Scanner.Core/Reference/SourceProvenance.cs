using System.Text.Json;
using System.Text.Json.Serialization;

namespace M365Scanner.Core.Reference;

/// <summary>The <c>provenance.json</c> of one source folder under <c>reference/</c>: the upstream, its commit and
/// date, its licence, and the SHA-256 of every file shipped from it.</summary>
public sealed record SourceProvenance
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("source")] public string Source { get; init; } = "";
    [JsonPropertyName("commit")] public string Commit { get; init; } = "";
    [JsonPropertyName("date")] public string Date { get; init; } = "";
    [JsonPropertyName("licence")] public string Licence { get; init; } = "";
    [JsonPropertyName("licenceFile")] public string LicenceFile { get; init; } = "";
    [JsonPropertyName("files")] public Dictionary<string, string> Files { get; init; } = [];

    /// <summary>Reads a provenance record.</summary>
    /// <exception cref="JsonException">The text is not a provenance record.</exception>
    public static SourceProvenance Parse(string json) =>
        JsonSerializer.Deserialize<SourceProvenance>(json) ?? throw new JsonException("provenance.json is empty");

    /// <summary>The provenance of one file of this source as shipped.</summary>
    public ListProvenance For(string file) =>
        new(Source, Commit, Date, Licence, Files.TryGetValue(file, out var sha) ? sha : "");
}
