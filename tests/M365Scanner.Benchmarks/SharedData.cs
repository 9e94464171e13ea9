namespace M365Scanner.Benchmarks;

/// <summary>Finds ../shared/data beside the repository root. The data is read in place: part of it is licensed
/// for non-commercial testing only, so it is never copied into the repository or the benchmark's output.</summary>
internal static class SharedData
{
    /// <summary>The absolute path of shared/data.</summary>
    /// <exception cref="InvalidOperationException">No M365Scanner.sln above the running binary, or no data beside it.</exception>
    public static string Directory { get; } = Locate();

    public static string PathOf(params string[] parts) => Path.Combine([Directory, .. parts]);

    // BenchmarkDotNet runs each benchmark from a generated project under bin/, so the walk starts from the binary
    // and goes up until it meets the solution file.
    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "M365Scanner.sln")))
                continue;
            var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
            return System.IO.Directory.Exists(data)
                ? data
                : throw new InvalidOperationException($"The shared data is missing: expected it at {data}.");
        }
        throw new InvalidOperationException(
            $"Could not find M365Scanner.sln above {AppContext.BaseDirectory}, so ../shared/data cannot be located.");
    }
}
