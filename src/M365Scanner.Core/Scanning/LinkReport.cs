namespace M365Scanner.Core.Scanning;

/// <summary>One link of a verdict as people and programs read it: the CLI's JSONL output, stored verdicts and the
/// blocked-link page all use this shape. <c>Text</c> is null when the link has no visible text.</summary>
public sealed record LinkReport(
    string Url,
    string Target,
    string? Domain,
    string Origin,
    string? Text,
    double Score,
    string Action,
    IReadOnlyList<string> Reasons)
{
    /// <summary>The reports of every link of <paramref name="verdict"/>, in extraction order.</summary>
    public static IReadOnlyList<LinkReport> From(ScanVerdict verdict) =>
    [
        .. verdict.Score.Links.Select(v => new LinkReport(
            v.Link.Url, v.Link.Target, v.Link.RegistrableDomain, v.Link.Origin, v.Link.Text,
            Math.Round(v.Score, 4),
            verdict.IsFlagged(v.Link) ? "rewrite" : "allow",
            [.. v.Reasons.Select(r => $"{r.Name}: {r.Explanation}")]))
    ];
}
