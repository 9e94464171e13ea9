using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Remediation;

namespace M365Scanner.Fuzz.Targets;

/// <summary>Drives <see cref="LinkRewriter"/> the way the host does when it rewrites a flagged message: the links
/// the scan found in hostile content, each pointed at the blocked-link page.</summary>
/// <remarks>LinkRewriter reports what it cannot rewrite (<see cref="RewriteResult.NotRewritten"/>) and throws only
/// for bad arguments, which this never passes; an exception from hostile content would fail the host's action job
/// on every retry, so it is a crash.</remarks>
internal static class Remediation
{
    /// <summary>Enough links to reach every rewriter path without making one input cost seconds.</summary>
    public const int MaxLinks = 50;

    private static readonly LinkRewriter Rewriter = new();

    public static RewriteResult Rewrite(EmailMessage message, IEnumerable<Link> offending) =>
        Rewriter.Rewrite(message, offending.Take(MaxLinks).ToList(), link => $"https://scanner.example/blocked/{link.Url.Length}");

    /// <summary>A link for a URL the extractor found, or a stand-in when it is not one the resolver accepts: the
    /// rewriter matches by <see cref="Link.Url"/> and origin only, and must cope with any string there.</summary>
    public static Link AsLink(FoundLink found) => LinkResolver.Default.Resolve(found) ?? new Link
    {
        Url = found.Url,
        Target = found.Url,
        Kind = LinkKind.Web,
        Origin = found.Origin,
        Source = found.Source,
        Text = found.Text,
    };
}
