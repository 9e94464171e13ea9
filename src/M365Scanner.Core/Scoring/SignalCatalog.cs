using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Scoring;

/// <summary>Every signal the product runs, in one place: adding a signal is its file, its test and one line here.</summary>
public static class SignalCatalog
{
    public static IReadOnlyList<MessageSignal> MessageSignals { get; } =
    [
        new SenderUnknownSignal(),
        new SenderEstablishedSignal(),
        new SenderLookalikeDomainSignal(),
    ];

    public static IReadOnlyList<LinkSignal> LinkSignals { get; } =
    [
        new LinkNewForSenderSignal(),
        new LinkScriptOrDataUrlSignal(),
        new LinkIpHostSignal(),
        new LinkNonDefaultPortSignal(),
        new LinkUserinfoTrickSignal(),
        new LinkShortenerSignal(),
        new LinkAbusedHostingSignal(),
        new LinkAbusedTldSignal(),
        new LinkPunycodeOrMixedScriptSignal(),
        new LinkLookalikeDomainSignal(),
        new LinkRandomHostSignal(),
        new LinkCredentialWordingSignal(),
        new LinkExecutableDownloadSignal(),
        new LinkTextNamesOtherDomainSignal(),
        new LinkInAttachmentSignal(),
        new LinkFormOrRefreshSignal(),
    ];
}
