using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Benchmarks.Correspondence;

/// <summary>
/// Sizes measured after one graph build, passed from the benchmark process (which builds) to the host process
/// (which prints the summary table) through a small file, because BenchmarkDotNet runs them apart.
/// </summary>
public sealed record GraphBuildFigures(long Edges, int Correspondents, long Bytes, string BytesMeaning, double AverageKeyBytes)
{
    // Keyed by class and method: two suites may both have an "InMemory" benchmark, and one run may hold both.
    private static string FileFor(string benchmarks, string method) =>
        Path.Combine(Path.GetTempPath(), "m365scanner-bench", $"graph-build-{benchmarks}.{method}.json");

    public double BytesPerEdge => Edges == 0 ? 0 : Bytes / (double)Edges;

    public double BytesPerCorrespondent => Bytes / (double)Correspondents;

    public void Save(string benchmarks, string method)
    {
        var file = FileFor(benchmarks, method);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, JsonSerializer.Serialize(this));
        Console.WriteLine($"// {benchmarks}.{method}: {Edges:N0} edges, {BytesMeaning} {Bytes:N0} B, " +
                          $"{BytesPerCorrespondent:N0} B/correspondent, {BytesPerEdge:N1} B/edge, avg key text {AverageKeyBytes:N1} B/edge");
    }

    public static GraphBuildFigures? Load(string benchmarks, string method)
    {
        var file = FileFor(benchmarks, method);
        return File.Exists(file) ? JsonSerializer.Deserialize<GraphBuildFigures>(File.ReadAllText(file)) : null;
    }

    /// <summary>Text bytes of both keys per edge in the SQLite file at <paramref name="databasePath"/>: what
    /// interning the strings could at most save.</summary>
    public static double AverageKeyBytesIn(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT AVG(length(CAST(from_key AS BLOB)) + length(CAST(to_key AS BLOB))) FROM edges;";
        return (double)command.ExecuteScalar()!;
    }
}
