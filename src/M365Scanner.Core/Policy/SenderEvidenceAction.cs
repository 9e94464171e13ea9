namespace M365Scanner.Core.Policy;

/// <summary>What a message with no readable link gets when its sender is unknown to the mailbox and the sender evidence
/// speaks against it (<see cref="PolicyEngine.StrongSenderEvidence"/>).</summary>
public enum SenderEvidenceAction
{
    /// <summary>Moved to quarantine whole, releasable: with no link to rewrite, holding the message is the only action
    /// left against a stranger whose authentication fails or who impersonates someone.</summary>
    Quarantine,

    /// <summary>Delivered: the product acts only on links.</summary>
    Allow,
}
