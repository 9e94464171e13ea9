namespace M365Scanner.Cli.Scanning;

/// <summary>Expands the paths given on the command line into message files, in a stable order.</summary>
public static class InputFiles
{
    /// <summary>Files as given, and every regular file under a folder (recursively, ordinal path order so that
    /// two runs print the same thing). Extensions are ignored: mail dumps name files "1." or "00042".</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                             .Order(StringComparer.Ordinal))
                    yield return file;
            }
            else
            {
                yield return path;
            }
        }
    }

    /// <summary>The first path that is neither a file nor a folder, or null when all exist.</summary>
    public static string? FirstMissing(IEnumerable<string> paths) =>
        paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
}
