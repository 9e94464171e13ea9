namespace M365Scanner.Demo;

/// <summary>Finds the shared test data (../shared/data beside the folder holding M365Scanner.sln), looking up from the
/// current directory and then from the binary.</summary>
public static class SharedDataFolder
{
    public static string? Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "M365Scanner.sln")))
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
            }
        }
        return null;
    }

    /// <summary>Why <paramref name="path"/> cannot serve the demo, or null when it has enron/ and phishing/.</summary>
    public static string? Problem(string? path) =>
        path is null ? "Could not find M365Scanner.sln above the current directory, so ../shared/data is unknown; pass --data <dir>."
        : !Directory.Exists(Path.Combine(path, "enron")) || !Directory.Exists(Path.Combine(path, "phishing"))
            ? $"The shared data folder {path} must hold enron/ and phishing/ (see the README); pass --data <dir>."
            : null;
}
