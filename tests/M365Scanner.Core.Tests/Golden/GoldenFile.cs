using System.Text;

namespace M365Scanner.Core.Tests.Golden;

/// <summary>The golden TSV of one corpus: a header, then one <see cref="GoldenEntry"/> per message file in ordinal
/// path order (so a regenerated file diffs line by line).</summary>
public static class GoldenFile
{
    private const string Header = "path\tlinks\tnotes\tsha256";

    public static IReadOnlyList<GoldenEntry> Read(string file) =>
        File.ReadLines(file)
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .Select(f => new GoldenEntry(f[0], int.Parse(f[1]), int.Parse(f[2]), f[3]))
            .ToList();

    public static void Write(string file, IEnumerable<GoldenEntry> entries)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var e in entries)
            text.Append($"{e.Path}\t{e.Links}\t{e.Notes}\t{e.Sha256}\n");
        File.WriteAllText(file, text.ToString());
    }
}
