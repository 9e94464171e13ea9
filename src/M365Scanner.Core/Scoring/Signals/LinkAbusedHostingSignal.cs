using M365Scanner.Core.Reference;
using M365Scanner.Core.Scoring.Lists;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: page on hosting that phishing often borrows: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkAbusedHostingSignal : LinkSignal
{
    public override string Id => "link.abused-hosting";
    public override string Name => "Link: page on hosting that phishing often borrows";
    public override double Weight => 2.0;
    public override string Description =>
        "Free site builders, serverless endpoints, tunnels and IPFS let anyone publish a page under a " +
        "reputable provider's name in minutes; cloud storage and hosted forms serve ready credential pages; " +
        "self-service site and document builders are in between. Graded by the kind of hosting: everyday file " +
        "sharing (SharePoint, Dropbox, Drive) weighs little, and the tenant's own SharePoint/OneDrive not at " +
        "all.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.CredentialHarvest, AttackKind.MalwareDelivery];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [FreeHosting, CloudStorage, Forms, SiteBuilder, FileSharing];
    public override IReadOnlyList<ReferenceListSpec> Lists { get; } = ReferenceLists.AbusedHosting;
    public override string KnownFalsePositives =>
        "Partners' documents on file sharing; small businesses' sites on free builders; surveys on hosted forms.";

    public static readonly SignalStrength FreeHosting = new("free-hosting", 1.0, "free site hosting, serverless endpoints, tunnels, IPFS");
    public static readonly SignalStrength CloudStorage = new("cloud-storage", 0.6, "a page from cloud storage or a cloud app endpoint");
    public static readonly SignalStrength Forms = new("forms", 0.5, "a hosted form");
    public static readonly SignalStrength SiteBuilder = new("site-builder", 0.4, "a self-service site or document builder");
    public static readonly SignalStrength FileSharing = new("file-sharing", 0.2, "everyday file sharing (not the tenant's own)");

    public override SignalHit? Evaluate(LinkContext context)
    {
        var link = context.Link;
        if (link.Host is null || ReferenceData.Current.AbusedHosting.Match(link.Host, PathOf(link.Target)) is not { } match)
            return null;
        if (match.Kind == AbusedHostingKind.FileSharing && IsTenantsOwnSite(link.Host, context.Message.Tenant))
            return null;
        return match.Kind switch
        {
            AbusedHostingKind.FreeHosting => Hit($"{link.Host} is free hosting anyone can publish on ({match.Entry})", FreeHosting),
            AbusedHostingKind.CloudStorage => Hit($"{link.Host} serves a page from cloud storage or a cloud app endpoint ({match.Entry})", CloudStorage),
            AbusedHostingKind.Forms => Hit($"the link opens a hosted form on {link.Host} ({match.Entry})", Forms),
            AbusedHostingKind.SiteBuilder => Hit($"the link opens a page on {link.Host}, a platform anyone can publish on ({match.Entry})", SiteBuilder),
            _ => Hit($"the link opens a file-sharing page on {link.Host}", FileSharing),
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
