using System.Text.RegularExpressions;

namespace M365Scanner.Demo.Tests.ReadmeExamples;

/// <summary>The runnable lines of one README section: every line of its <c>sh</c> code blocks that starts with one of
/// the given programs, in order.</summary>
public static class ReadmeSection
{
    public static IReadOnlyList<string> Lines(string readme, string heading, params string[] programs)
    {
        var start = readme.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        if (start < 0)
            throw new InvalidOperationException($"README has no section '{heading}'");
        var end = readme.IndexOf("\n## ", start + heading.Length + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        return Regex.Matches(section, "```sh\n(.*?)```", RegexOptions.Singleline)
            .SelectMany(block => block.Groups[1].Value.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => programs.Any(p => line.StartsWith(p + " ", StringComparison.Ordinal)))
            .ToList();
    }

    /// <summary>The README beside M365Scanner.sln, found from the test's folder upwards.</summary>
    public static string ReadReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "M365Scanner.sln")))
                return File.ReadAllText(Path.Combine(dir.FullName, "README.md"));
        throw new InvalidOperationException("M365Scanner.sln not found above " + AppContext.BaseDirectory);
    }
}
