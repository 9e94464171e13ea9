using System.Text.Json;

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
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The links of a stored verdict (its <c>LinksJson</c>) as found: a row that is not a list reads as no
    /// link, a null link is left out, and a missing part is blank (reasons: none), never null.</summary>
    /// <remarks>The scanner writes every part, but JSON leaves a missing or null part null whatever the record says,
    /// and the pages that show a damaged, hand-edited or older row would fail on it.</remarks>
    public static IReadOnlyList<LinkReport> ReadStored(string? json)
    {
        List<LinkReport?>? links;
        try
        {
            links = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<List<LinkReport?>>(json, Json);
        }
        catch (JsonException)
        {
            return [];
        }
        return [.. (links ?? []).OfType<LinkReport>().Select(l => l with
        {
            Url = l.Url ?? "",
            Target = l.Target ?? l.Url ?? "",
            Origin = l.Origin ?? "",
            Action = l.Action ?? "",
            Reasons = [.. (l.Reasons ?? []).OfType<string>()],
        })];
    }

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
