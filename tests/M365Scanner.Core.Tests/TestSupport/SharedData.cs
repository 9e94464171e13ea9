namespace M365Scanner.Core.Tests.TestSupport;

/// <summary>Finds ../shared/data beside the repository root, read in place (some of it is licensed for
/// non-commercial testing only, so it is never copied into the repository).</summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>The absolute path of shared/data.</summary>
    public static string Directory => Root.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Directory, .. parts]);

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
