using M365Scanner.Core.Scanning;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Host.BlockedLinks;

/// <summary>
/// The reasons a link was held, in words for the person who clicked it. A stored reason is "signal name: analyst's
/// explanation", written for a SOC (tenants, tokens minted per recipient, weights); the user gets one plain sentence per
/// signal instead, and nothing for a signal that speaks in the link's favour or that has no plain sentence here, so a
/// new signal never shows its analyst wording to a user.
/// </summary>
public static class PlainReasons
{
    /// <summary>How many reasons the page shows: the strongest one or two explain; more would read as a lecture.</summary>
    public const int Shown = 2;

    // Keyed by the signals' own names, so a renamed signal fails the test that checks every key is one, not silently.
    private static readonly Dictionary<string, string> Sentences = new(StringComparer.Ordinal)
    {
        [new LinkBreaksSenderPatternSignal().Name] = "The sender usually writes to you, but this link goes to a site nobody in your organisation has been sent before.",
        [new LinkNewInTenantSignal().Name] = "The site is new to your organisation.",
        [new LinkYoungInTenantSignal().Name] = "The site first appeared in your organisation's mail only days ago.",
        [new LinkNewForSenderSignal().Name] = "The sender has never sent a link to this site before.",
        [new LinkNewForMailboxSignal().Name] = "You have never been sent a link to this site before.",
        [new LinkOpaquePathSignal().Name] = "The address carries a long code made for a single recipient, as phishing links often do.",
        [new LinkCredentialWordingSignal().Name] = "The address uses words such as “secure”, “login” or “payment” to look trustworthy.",
        [new LinkAbusedTldSignal().Name] = "The site's address ends in an extension often used by scammers.",
        [new LinkTextNamesOtherDomainSignal().Name] = "The link's text shows one address but leads to another.",
        [new LinkLookalikeDomainSignal().Name] = "The site's name imitates a familiar one.",
        [new LinkShortenerSignal().Name] = "A link shortener hides where it really leads.",
        [new LinkIpHostSignal().Name] = "The link uses a numeric address instead of a site's name.",
        [new LinkUserinfoTrickSignal().Name] = "The address is written to disguise the real site.",
        [new LinkPunycodeOrMixedScriptSignal().Name] = "The site's name mixes alphabets to look like another.",
        [new LinkExecutableDownloadSignal().Name] = "The link downloads a program or an archive.",
        [new LinkAbusedHostingSignal().Name] = "The page is on a hosting service often used for phishing.",
        [new LinkRandomHostSignal().Name] = "The site's name looks machine-made.",
        [new LinkScriptOrDataUrlSignal().Name] = "The link runs code instead of opening a page.",
        [new LinkNonDefaultPortSignal().Name] = "The link uses an unusual connection.",
        [new LinkFormOrRefreshSignal().Name] = "The link sends a form or redirects by itself.",
        [new LinkHiddenDestinationSignal().Name] = "Its real destination was hidden behind another service's link.",
        [new SenderAuthFailureSignal().Name] = "The message could not be proven to come from its sender.",
        [new SenderDisplayNameImpersonationSignal().Name] = "The sender's name copies someone in your organisation, but the message came from outside.",
        [new SenderLookalikeDomainSignal().Name] = "The sender's address imitates your organisation's.",
        [new SenderReplyToMismatchSignal().Name] = "Replies would go to a different address than the sender's.",
        [new SenderUnknownSignal().Name] = "You have not had mail from this sender before.",
    };

    /// <summary>The signal names with a plain sentence (for the test that checks each is a real signal).</summary>
    public static IEnumerable<string> SignalNames => Sentences.Keys;

    /// <summary>Up to <see cref="Shown"/> plain sentences for stored reasons, in their order, each at most once.</summary>
    public static IReadOnlyList<string> For(IEnumerable<string> storedReasons) =>
    [
        .. storedReasons
            .Select(Sentence)
            .OfType<string>()
            .Distinct()
            .Take(Shown),
    ];

    /// <summary>Up to <see cref="Shown"/> plain sentences for a held message: the reasons of its held links, the
    /// highest-scoring link first, so the sentences come from what weighed most.</summary>
    public static IReadOnlyList<string> ForMessage(IEnumerable<LinkReport> links) =>
        For(links.Where(l => l.Action != "allow").OrderByDescending(l => l.Score).SelectMany(l => l.Reasons));

    // A signal's name has a colon of its own ("Link: ..."), so the name is the longest key the reason starts with.
    private static string? Sentence(string storedReason) => Sentences
        .Where(s => storedReason == s.Key || storedReason.StartsWith(s.Key + ": ", StringComparison.Ordinal))
        .Select(s => s.Value)
        .FirstOrDefault();
}
