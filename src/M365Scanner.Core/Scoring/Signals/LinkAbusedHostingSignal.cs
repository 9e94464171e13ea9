using M365Scanner.Core.Reference;
using M365Scanner.Core.Scoring.Lists;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>
/// Link: page on hosting that phishing borrows. Free site builders, serverless endpoints, tunnels and IPFS let
/// anyone publish a page under a reputable provider's name in minutes; cloud storage and hosted forms serve ready
/// credential pages; self-service site and document builders are in between. Graded by <see cref="AbusedHostingKind"/>: everyday file sharing (SharePoint, Dropbox, Drive)
/// weighs little, and the tenant's own SharePoint/OneDrive not at all.
/// </summary>
public sealed class LinkAbusedHostingSignal : LinkSignal
{
    public override string Id => "link.abused-hosting";
    public override string Name => "Link: page on hosting that phishing often borrows";
    public override double Weight => 2.0;
    public override string KnownFalsePositives =>
        "Partners' documents on file sharing; small businesses' sites on free builders; surveys on hosted forms.";

    public override SignalHit? Evaluate(LinkContext context)
    {
        var link = context.Link;
        if (link.Host is null || ReferenceData.Current.AbusedHosting.Match(link.Host, PathOf(link.Target)) is not { } match)
            return null;
        if (match.Kind == AbusedHostingKind.FileSharing && IsTenantsOwnSite(link.Host, context.Message.Tenant))
            return null;
        return match.Kind switch
        {
            AbusedHostingKind.FreeHosting => Hit($"{link.Host} is free hosting anyone can publish on ({match.Entry})"),
            AbusedHostingKind.CloudStorage => Hit($"{link.Host} serves a page from cloud storage or a cloud app endpoint ({match.Entry})", 0.6),
            AbusedHostingKind.Forms => Hit($"the link opens a hosted form on {link.Host} ({match.Entry})", 0.5),
            AbusedHostingKind.SiteBuilder => Hit($"the link opens a page on {link.Host}, a platform anyone can publish on ({match.Entry})", 0.4),
            _ => Hit($"the link opens a file-sharing page on {link.Host}", 0.2),
        };
    }

    // "contoso.sharepoint.com", "contoso-my.sharepoint.com" belong to the tenant whose domain is contoso.com.
    private static bool IsTenantsOwnSite(string host, TenantProfile tenant)
    {
        var firstLabel = host.AsSpan(0, host.IndexOf('.') is var dot and > 0 ? dot : host.Length);
        if (firstLabel.EndsWith("-my", StringComparison.Ordinal))
            firstLabel = firstLabel[..^3];
        foreach (var domain in tenant.Domains)
        {
            var name = domain.AsSpan(0, domain.IndexOf('.') is var d and > 0 ? d : domain.Length);
            if (firstLabel.SequenceEqual(name))
                return true;
        }
        return false;
    }

    internal static string PathOf(string target)
    {
        var scheme = target.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
            return "";
        var slash = target.IndexOf('/', scheme + 3);
        if (slash < 0)
            return "/";
        var end = target.AsSpan(slash).IndexOfAny('?', '#');
        return end < 0 ? target[slash..] : target.Substring(slash, end);
    }
}
