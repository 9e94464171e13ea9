using M365Scanner.Evaluation.Splits;

namespace M365Scanner.Evaluation.Data;

/// <summary>
/// phishing-urls/openphish-2025.tsv: verified phishing URLs (url, first_seen), the lures written into modern mail.
/// Each URL belongs to one split by a stable hash of itself, so a URL the tune split showed never appears in report;
/// within a split every URL is drawn with the same probability.
/// </summary>
public static class OpenPhishUrls
{
    public const string File = "phishing-urls/openphish-2025.tsv";

    public static IReadOnlyList<string> Load(string dataRoot, Split split) =>
        [.. ReadAll(dataRoot).Where(u => SplitAssignment.Of(u) == split)];

    /// <summary>Every URL of the file, in file order; the header line and lines with no URL are skipped.</summary>
    public static IReadOnlyList<string> ReadAll(string dataRoot) =>
        [.. System.IO.File.ReadLines(Path.Combine(dataRoot, File))
            .Select(line => line.Split('\t')[0].Trim())
            .Where(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || u.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            .Where(u => !u.Any(char.IsWhiteSpace))];
}
