using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Scoring;

/// <summary>Every signal the product runs, in one place: adding a signal is its file, its test and one line here.</summary>
public static class SignalCatalog
{
    public static IReadOnlyList<MessageSignal> MessageSignals { get; } =
    [
        new SenderUnknownSignal(),
        new SenderEstablishedSignal(),
        new SenderAuthFailureSignal(),
        new SenderDisplayNameImpersonationSignal(),
        new SenderReplyToMismatchSignal(),
    ];

    public static IReadOnlyList<LinkSignal> LinkSignals { get; } =
    [
        new LinkNewForSenderSignal(),
        new LinkNewForMailboxSignal(),
        new LinkNewInTenantSignal(),
        new LinkYoungInTenantSignal(),
        new LinkCommonInTenantSignal(),
        new LinkKnownForSenderSignal(),
        new LinkTenantDomainSignal(),
    ];
}
