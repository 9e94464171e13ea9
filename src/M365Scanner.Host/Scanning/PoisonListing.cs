using M365Scanner.Core.Operations;

namespace M365Scanner.Host.Scanning;

/// <summary>One poison message as <c>GET /api/admin/poison</c> lists it.</summary>
/// <param name="MessageId">The Graph id the message had when it was marked.</param>
/// <param name="InternetMessageId">Its Message-ID without angle brackets; null when it has none (it is then keyed by
/// its Graph id).</param>
/// <param name="Action">The action of its verdict ("quarantine" when it could not be scanned).</param>
/// <param name="Enforced">False when the tenant is report-only: the action was recorded, not carried out.</param>
public sealed record PoisonListing(
    string TenantId,
    string Mailbox,
    string MessageId,
    string? InternetMessageId,
    string? Subject,
    string? Sender,
    string Reason,
    int Attempts,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    string Action,
    bool Enforced)
{
    /// <summary>The listing of a stored poison mark.</summary>
    public static PoisonListing From(PoisonMessage poison)
    {
        ArgumentNullException.ThrowIfNull(poison);
        var key = poison.Key;
        return new PoisonListing(key.TenantId, key.Mailbox, poison.GraphMessageId,
            key.MessageId.StartsWith(MessageKey.GraphIdPrefix, StringComparison.Ordinal) ? null : key.MessageId,
            poison.Subject, poison.Sender, poison.Reason, poison.Attempts, poison.FirstSeen, poison.LastSeen,
            StableName.Of(poison.Action), poison.Enforced);
    }
}
