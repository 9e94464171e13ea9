namespace M365Scanner.Core.Tests.TestSupport;

/// <summary>The repository's root: the folder holding M365Scanner.sln above the test assembly.</summary>
public static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "M365Scanner.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"Could not find M365Scanner.sln above {AppContext.BaseDirectory}.");
    }
}
