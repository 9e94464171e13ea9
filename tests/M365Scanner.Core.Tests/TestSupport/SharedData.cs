namespace M365Scanner.Core.Tests.TestSupport;

/// <summary>Finds ../shared/data beside the repository root, read in place (some of it is licensed for
/// non-commercial testing only, so it is never copied into the repository).</summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>The absolute path of shared/data.</summary>
    public static string Directory => Root.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Directory, .. parts]);

    /// <summary>True when the tests run under CI (<c>CI=true</c>): nothing may be skipped there.</summary>
    public static bool InContinuousIntegration =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>The folder under shared/data, for a [SkippableFact]: when it is missing the test fails under CI, so a
    /// CI run can never pass by skipping, and is skipped with where the data was expected otherwise.</summary>
    public static string RequireOrSkip(params string[] parts)
    {
        string? missing;
        try
        {
            var path = PathOf(parts);
            if (System.IO.Directory.Exists(path))
                return path;
            missing = $"the shared test data has no {Path.Combine(parts)} (expected at {path})";
        }
        catch (InvalidOperationException ex)
        {
            missing = ex.Message;
        }
        if (InContinuousIntegration)
            Assert.Fail($"{missing} CI=true, so this is a failure, not a skip.");
        Skip.If(true, missing);
        throw new InvalidOperationException("unreachable: Skip.If(true) throws");
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "M365Scanner.sln")))
            {
                var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                if (!System.IO.Directory.Exists(data))
                    throw new InvalidOperationException(
                        $"The shared test data is missing: expected it at {data} (beside the repository root). " +
                        "These tests read it in place and cannot run without it.");
                return data;
            }
        }
        throw new InvalidOperationException(
            $"Could not find M365Scanner.sln above {AppContext.BaseDirectory}, so ../shared/data cannot be located.");
    }
}
