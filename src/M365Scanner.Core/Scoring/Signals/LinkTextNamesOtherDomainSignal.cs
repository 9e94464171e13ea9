using M365Scanner.Core.Links.Domains;
using M365Scanner.Core.Links.Normalization;
using M365Scanner.Core.Reference;
using M365Scanner.Core.Scoring.Lists;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: display text names another domain: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkTextNamesOtherDomainSignal : LinkSignal
{
    public override string Id => "link.text-names-other-domain";
    public override string Name => "Link: display text names another domain";
    public override double Weight => 3.0;
    public override string Description =>
        "The reader sees \"www.paypal.com\" (or a whole URL) and the link goes to another registrable domain: " +
        "the oldest disguise in phishing. Compared with the unwrapped target, so text naming the destination " +
        "of a gateway-wrapped link does not fire, nor text showing the wrapper itself. Weak when the link " +
        "goes through a known newsletter click tracker or carries the named domain in its own URL (redirect " +
        "parameters), or when only the suffix differs (example.com shown, example.co.uk linked).";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.Impersonation, AttackKind.CredentialHarvest];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [OtherDomain, SameName, PassedOn, ThroughClickTracker];
    public override IReadOnlyList<ReferenceListSpec> Lists { get; } = [.. ReferenceLists.ClickTrackers, ReferenceLists.ProductFileNameExtensions, ReferenceLists.PublicSuffixes];
    public override string KnownFalsePositives =>
        "Newsletters whose links go through an e-mail provider's click tracker; a company's sister domains.";

    public static readonly SignalStrength OtherDomain = new("other-domain", 1.0, "the text names another domain");
    public static readonly SignalStrength SameName = new("same-name", 0.3, "only the suffix differs (example.com shown, example.co.uk linked)");
    public static readonly SignalStrength PassedOn = new("passed-on", 0.2, "the link carries the named domain in its own URL");
    public static readonly SignalStrength ThroughClickTracker = new("click-tracker", 0.15, "the link goes through a mail click tracker");

    public override SignalHit? Evaluate(LinkContext context)
    {
        var link = context.Link;
        if (link.Host is null || string.IsNullOrWhiteSpace(link.Text) || link.RegistrableDomain is null)
            return null;
        var text = link.Text.Trim();
        if (text.Length > 2048 || !text.Contains('.', StringComparison.Ordinal))
            return null;

        foreach (var token in text.Split([' ', '\t', '\n', '\r', '<', '>', '(', ')', '"', '\'', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (NamedDomain(token.Trim('.', ':', ';', '!', '?', '[', ']')) is not { } named || named == link.RegistrableDomain)
                continue;
            if (link.WrappedBy.Count > 0 && named == WrapperDomain(link.Url))
                continue;
            var shown = named;
            if (ReferenceData.Current.ClickTrackers.Contains(link.Host))
                return Hit($"the text shows {shown} but the link goes through the mail tracker {link.Host}", ThroughClickTracker);
            if (link.Target.Contains(shown, StringComparison.OrdinalIgnoreCase))
                return Hit($"the text shows {shown}; the link goes to {link.RegistrableDomain}, which passes it on", PassedOn);
            if (NameOf(shown) == NameOf(link.RegistrableDomain))
                return Hit($"the text shows {shown} but the link goes to {link.RegistrableDomain}", SameName);
            return Hit($"the text shows {shown} but the link goes to {link.RegistrableDomain}", OtherDomain);
        }
        return null;
    }

    // The registrable domain a token of visible text names: a URL ("https://a.example/x", "www.example.com") or a
    // bare domain ("example.com"); null for words, file names, e-mail addresses and numbers.
    private static string? NamedDomain(string token)
    {
        if (token.Length < 4 || token.Contains('@', StringComparison.Ordinal))
            return null;
        var hasScheme = token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        if (!hasScheme && !LooksLikeDomain(token))
            return null;
        if (UrlNormalizer.Normalize(hasScheme ? token : "http://" + token) is not { Host: { } host, IsIpHost: false })
            return null;
        var lastDot = host.LastIndexOf('.');
        if (lastDot < 0 || ReferenceData.Current.FileNameExtensions.Contains(host[(lastDot + 1)..]))
            return null;
        return PublicSuffixList.Default.GetRegistrableDomain(host);
    }

    private static bool LooksLikeDomain(string token)
    {
        var end = token.IndexOf('/');
        var host = end < 0 ? token : token[..end];
        var labels = host.Split('.');
        if (labels.Length < 2)
            return false;
        foreach (var label in labels)
        {
            if (label.Length == 0 || !label.All(c => char.IsLetterOrDigit(c) || c == '-'))
                return false;
        }
        var tld = labels[^1];
        return tld.Length >= 2 && tld.All(char.IsLetter);
    }

    private static string? WrapperDomain(string url) =>
        UrlNormalizer.Normalize(url) is { Host: { } host } ? PublicSuffixList.Default.GetRegistrableDomain(host) ?? host : null;

    private static string NameOf(string domain) => domain.Split('.')[0];
}
