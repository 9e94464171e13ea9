using M365Scanner.Core.Reference;
using M365Scanner.Core.Scoring.Lists;
using M365Scanner.Core.Scoring.Lookalike;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>
/// Link: account or payment wording in the URL. Credential phishing names what its lure promised ("verify",
/// "unlock", "invoice", <see cref="CredentialWords"/>) in the host or path so a glance confirms it. In the domain
/// name an attacker registered it is strongest; in a subdomain or the path it weighs less, because real services use
/// "login." hosts and "/account" pages. Never for the tenant's, sender's or recipients' own domains.
/// </summary>
public sealed class LinkCredentialWordingSignal : LinkSignal
{
    public override string Id => "link.credential-wording";
    public override string Name => "Link: account or payment wording in the URL";
    public override double Weight => 1.5;
    public override string KnownFalsePositives => "Real sign-in and billing pages of services the reader uses; shop account pages.";

    public override SignalHit? Evaluate(LinkContext context)
    {
        var link = context.Link;
        if (link.Host is null || link.IsIpHost || link.RegistrableDomain is null)
            return null;
        if (ProtectedDomains.For(context.Message).All.Contains(link.RegistrableDomain))
            return null;

        var wordList = ReferenceData.Current.CredentialWords;
        var registrable = link.RegistrableDomain;
        var inName = wordList.Find(registrable.AsSpan(0, registrable.IndexOf('.') is var dot and > 0 ? dot : registrable.Length));
        if (inName.Count > 0)
            return Hit($"the domain {registrable} itself contains \"{string.Join("\", \"", inName)}\"");

        var sub = link.Host.Length > registrable.Length ? link.Host[..(link.Host.Length - registrable.Length - 1)] : "";
        var inSub = wordList.Find(sub);
        var path = LinkAbusedHostingSignal.PathOf(link.Target).ToLowerInvariant();
        var inPath = wordList.Find(path);
        if (inSub.Count == 0 && inPath.Count == 0)
            return null;
        var words = inSub.Concat(inPath).Distinct().ToList();
        var strength = Math.Min(1.0, (inSub.Count > 0 ? 0.4 : 0) + (inPath.Count switch { 0 => 0, 1 => 0.25, _ => 0.5 }));
        return Hit($"the link to {link.Host} has \"{string.Join("\", \"", words)}\" in its {(inSub.Count > 0 ? inPath.Count > 0 ? "host and path" : "host" : "path")}", strength);
    }
}
