namespace M365Scanner.Host.BlockedLinks;

/// <summary>What a blocked link points back to: the message's verdict and which of its links was held.</summary>
public sealed record BlockedLinkToken(string TenantId, string Mailbox, string MessageId, int LinkIndex);
