using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Scoring;

/// <summary>Every signal the product runs, in one place: adding a signal is its file, its test and one line here.</summary>
public static class SignalCatalog
{
    public static IReadOnlyList<MessageSignal> MessageSignals { get; } =
    [
        // Relationship: who the sender is to this mailbox.
        new SenderUnknownSignal(),
        new SenderEstablishedSignal(),
        // Authenticity: whether the sender is who they claim.
        new SenderAuthFailureSignal(),
        new SenderDisplayNameImpersonationSignal(),
        new SenderReplyToMismatchSignal(),
        new SenderLookalikeDomainSignal(),
    ];

    public static IReadOnlyList<LinkSignal> LinkSignals { get; } =
    [
        // Novelty and prevalence: the link against the correspondence graph.
        new LinkNewForSenderSignal(),
        new LinkNewForMailboxSignal(),
        new LinkNewInTenantSignal(),
        new LinkYoungInTenantSignal(),
        new LinkBreaksSenderPatternSignal(),
        new LinkKnownForSenderSignal(),
        new LinkCommonInTenantSignal(),
        new LinkTenantDomainSignal(),
        new LinkSenderOwnDomainSignal(),
        // Shape: what the URL itself says.
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
        new LinkOpaquePathSignal(),
        new LinkHiddenDestinationSignal(),
        // Presentation: how the link is shown to the reader.
        new LinkTextNamesOtherDomainSignal(),
        new LinkInAttachmentSignal(),
        new LinkFormOrRefreshSignal(),
        new LinkRemoteImageSignal(),
    ];

    /// <summary>Every signal as data, message-level first, then link-level, each in catalog order.</summary>
    public static IReadOnlyList<SignalDefinition> Definitions { get; } =
        [.. MessageSignals.Select(s => s.Define("message")), .. LinkSignals.Select(s => s.Define("link"))];
}
