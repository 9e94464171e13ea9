using System.Text.Json;

namespace M365Scanner.Benchmarks.Correspondence;

/// <summary>
/// Sizes measured after one graph build, passed from the benchmark process (which builds) to the host process
/// (which prints the summary table) through a small file, because BenchmarkDotNet runs them apart.
/// </summary>
public sealed record GraphBuildFigures(long Edges, int Correspondents, long Bytes, string BytesMeaning, double AverageKeyBytes)
{
    private static string FileFor(string method) =>
        Path.Combine(Path.GetTempPath(), "m365scanner-bench", $"graph-build-{method}.json");

    public double BytesPerEdge => Edges == 0 ? 0 : Bytes / (double)Edges;

    public double BytesPerCorrespondent => Bytes / (double)Correspondents;

    public void Save(string method)
    {
        var file = FileFor(method);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, JsonSerializer.Serialize(this));
        Console.WriteLine($"// GraphBuild {method}: {Edges:N0} edges, {BytesMeaning} {Bytes:N0} B, " +
                          $"{BytesPerCorrespondent:N0} B/correspondent, {BytesPerEdge:N1} B/edge, avg key text {AverageKeyBytes:N1} B/edge");
    }

    public static GraphBuildFigures? Load(string method)
    {
        var file = FileFor(method);
        return File.Exists(file) ? JsonSerializer.Deserialize<GraphBuildFigures>(File.ReadAllText(file)) : null;
    }
}
