using System.Text.Json;

namespace M365Scanner.Benchmarks.Scoring;

/// <summary>
/// What one scoring pass covers (messages and links scored, messages learned before), passed from the benchmark
/// process to the host process that prints the summary, like <see cref="Correspondence.GraphBuildFigures"/>.
/// </summary>
public sealed record ScoringFigures(int HistoryMessages, int Messages, int Links)
{
    private static string FileFor(string benchmarks) =>
        Path.Combine(Path.GetTempPath(), "m365scanner-bench", $"scoring-{benchmarks}.json");

    public void Save(string benchmarks)
    {
        var file = FileFor(benchmarks);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, JsonSerializer.Serialize(this));
        Console.WriteLine($"// {benchmarks}: graph learned from {HistoryMessages:N0} messages; each operation scores " +
                          $"{Messages:N0} messages with {Links:N0} links");
    }

    public static ScoringFigures? Load(string benchmarks)
    {
        var file = FileFor(benchmarks);
        return File.Exists(file) ? JsonSerializer.Deserialize<ScoringFigures>(File.ReadAllText(file)) : null;
    }
}
