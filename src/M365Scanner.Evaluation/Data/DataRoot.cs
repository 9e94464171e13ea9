namespace M365Scanner.Evaluation.Data;

/// <summary>Finds the shared development data: --data when given, else ../shared/data beside the repository root
/// (the folder holding M365Scanner.sln), searched upward from the working directory and then from the binary.</summary>
public static class DataRoot
{
    /// <exception cref="DirectoryNotFoundException">The folder does not exist or lacks enron/, phishing/, lists/usrp-users/ or phishing-urls/;
    /// the message says where it looked.</exception>
    public static string Resolve(string? given)
    {
        var root = given is { Length: > 0 } ? Path.GetFullPath(given) : Locate();
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"The data folder does not exist: {root}. Pass --data <dir>.");
        foreach (var part in new[] { "enron", "phishing", ListCorpus.Folder, Path.GetDirectoryName(OpenPhishUrls.File)! })
            if (!Directory.Exists(Path.Combine(root, part)))
                throw new DirectoryNotFoundException(
                    $"The data folder {root} has no {part}/ subfolder; expected the layout described in shared/data/README.md.");
        return root;
    }

    private static string Locate() => Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data"));

    /// <summary>The folder holding M365Scanner.sln, searched upward from the working directory, then from the binary.</summary>
    /// <exception cref="DirectoryNotFoundException">Neither is inside the repository.</exception>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "M365Scanner.sln")))
                    return dir.FullName;
        throw new DirectoryNotFoundException(
            "Could not find M365Scanner.sln above the working directory or the binary, so ../shared/data cannot be " +
            "located. Pass --data <dir>.");
    }
}
