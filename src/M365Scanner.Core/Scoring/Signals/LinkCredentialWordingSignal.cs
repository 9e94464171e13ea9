using M365Scanner.Core.Reference;
using M365Scanner.Core.Scoring.Lists;
using M365Scanner.Core.Scoring.Lookalike;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: account or payment wording in the URL: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkCredentialWordingSignal : LinkSignal
{
    public override string Id => "link.credential-wording";
    public override string Name => "Link: account or payment wording in the URL";
    public override double Weight => 1.5;
    public override string Description =>
        "Credential phishing names what its lure promised (\"verify\", \"unlock\", \"invoice\": the " +
        "credential word lists) in the host or path so a glance confirms it. In the domain name an attacker " +
        "registered it is strongest; in a subdomain or the path it weighs less, because real services use " +
        "\"login.\" hosts and \"/account\" pages. Never for the tenant's, sender's or recipients' own " +
        "domains.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.CredentialHarvest];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [InRegisteredName, InSubdomain, OnePathWord, SeveralPathWords];
    public override IReadOnlyList<ReferenceListSpec> Lists { get; } = ReferenceLists.CredentialWords;
    public override string KnownFalsePositives => "Real sign-in and billing pages of services the reader uses; shop account pages.";

    public static readonly SignalStrength InRegisteredName = new("in-registered-name", 1.0, "a listed word in the name the attacker registered");
    public static readonly SignalStrength InSubdomain = new("in-subdomain", 0.4, "a listed word in a subdomain (added to the path's)");
    public static readonly SignalStrength OnePathWord = new("one-path-word", 0.25, "one listed word in the path (added to the subdomain's)");
    public static readonly SignalStrength SeveralPathWords = new("several-path-words", 0.5, "two or more listed words in the path (added to the subdomain's)");

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
            return Hit($"the domain {registrable} itself contains \"{string.Join("\", \"", inName)}\"", InRegisteredName);

        var sub = link.Host.Length > registrable.Length ? link.Host[..(link.Host.Length - registrable.Length - 1)] : "";
        var inSub = wordList.Find(sub);
        var path = LinkAbusedHostingSignal.PathOf(link.Target).ToLowerInvariant();
        var inPath = wordList.Find(path);
        if (inSub.Count == 0 && inPath.Count == 0)
            return null;
        var words = inSub.Concat(inPath).Distinct().ToList();
        var strength = Math.Min(1.0, (inSub.Count > 0 ? InSubdomain.Value : 0) + (inPath.Count switch { 0 => 0, 1 => OnePathWord.Value, _ => SeveralPathWords.Value }));
        return Hit($"the link to {link.Host} has \"{string.Join("\", \"", words)}\" in its {(inSub.Count > 0 ? inPath.Count > 0 ? "host and path" : "host" : "path")}", strength);
    }
}
