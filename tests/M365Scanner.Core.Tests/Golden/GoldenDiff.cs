using System.Text;

namespace M365Scanner.Core.Tests.Golden;

/// <summary>
/// How the extraction of a corpus differs from its golden file, told by path and counts only: the corpus's URLs
/// must not reach test output that may be published (logs, CI artefacts).
/// </summary>
public static class GoldenDiff
{
    private const int Shown = 20;

    /// <summary>Null when equal; otherwise a message naming the first differing files.</summary>
    public static string? Describe(string corpus, IReadOnlyList<GoldenEntry> golden, IReadOnlyList<GoldenEntry> actual)
    {
        var before = golden.ToDictionary(e => e.Path, StringComparer.Ordinal);
        var after = actual.ToDictionary(e => e.Path, StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var path in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            before.TryGetValue(path, out var old);
            after.TryGetValue(path, out var now);
            if (old == now)
                continue;
            lines.Add((old, now) switch
            {
                (null, _) => $"  {path}: new file, {Counts(now!)}",
                (_, null) => $"  {path}: gone, was {Counts(old)}",
                _ => $"  {path}: was {Counts(old)}, now {Counts(now)}" +
                     (old.Links == now.Links && old.Sha256 != now.Sha256 ? " (same count, different links)" : ""),
            });
        }
        if (lines.Count == 0)
            return null;
        var message = new StringBuilder()
            .AppendLine($"The links extracted from the {corpus} corpus differ from its golden file in {lines.Count} of {after.Count} files " +
                        $"(links in total: was {golden.Sum(e => e.Links)}, now {actual.Sum(e => e.Links)}). First {Math.Min(Shown, lines.Count)}:");
        foreach (var line in lines.Take(Shown))
            message.AppendLine(line);
        message.Append($"If this change of what is found is intended, regenerate with {ExtractionGoldenTests.WriteVariable}=1 " +
                       "(docs/BENCHMARKS.md, Link extraction) and say why in the commit.");
        return message.ToString();
    }

    private static string Counts(GoldenEntry e) =>
        e.Sha256 == GoldenEntry.Unreadable ? "unreadable" : $"{e.Links} links, {e.Notes} notes";
}
