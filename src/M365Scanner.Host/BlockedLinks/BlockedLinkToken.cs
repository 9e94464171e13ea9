namespace M365Scanner.Host.BlockedLinks;

/// <summary>What a blocked-link page points back to: the message's verdict and which of its links was held, or, for the
/// notice of a held message (<see cref="WholeMessage"/>), the message as a whole.</summary>
/// <param name="LinkIndex">The held link's index in the verdict's links; -1 for a whole message (or a link not found).</param>
/// <param name="WholeMessage">True for a quarantined message's page: it speaks of the message, not of one link.</param>
public sealed record BlockedLinkToken(string TenantId, string Mailbox, string MessageId, int LinkIndex, bool WholeMessage = false)
{
    /// <summary>The token of a whole held message (the Inbox notice's link).</summary>
    public static BlockedLinkToken ForMessage(string tenantId, string mailbox, string messageId) => new(tenantId, mailbox, messageId, -1, WholeMessage: true);
}
