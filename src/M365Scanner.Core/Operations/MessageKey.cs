namespace M365Scanner.Core.Operations;

/// <summary>
/// Identifies one delivered message for idempotency: tenant, mailbox and the Internet Message-ID. Graph item ids
/// change when a message moves, and our own rewritten copy gets a new one, so they cannot key "scanned once";
/// the Message-ID survives both (and so a copy we created is recognised as already handled). Messages without a
/// Message-ID fall back to their Graph id.
/// </summary>
public readonly record struct MessageKey(string TenantId, string Mailbox, string MessageId)
{
    /// <summary>What a <see cref="MessageId"/> starts with when the message had no Message-ID and is keyed by its Graph id.</summary>
    public const string GraphIdPrefix = "graph:";

    /// <remarks>The Message-ID is kept without its angle brackets: Graph returns "&lt;id&gt;", MIME parsers "id".</remarks>
    public static MessageKey Of(string tenantId, string mailbox, string? internetMessageId, string graphId) =>
        new(tenantId, mailbox.Trim().ToLowerInvariant(),
            string.IsNullOrWhiteSpace(internetMessageId) ? GraphIdPrefix + graphId : internetMessageId.Trim().TrimStart('<').TrimEnd('>'));
}
