using M365Scanner.Core.Operations;

namespace M365Scanner.Host.Scanning;

/// <summary>
/// On whose behalf <see cref="MessageActions"/> acts, as its audit entries record it: the scanner on its own (a scan,
/// a scheduled retro-hunt, the IOC feed), or the person or API key that started the hunt carrying the action out. The
/// hunt is named apart from the actor (<see cref="AuditEntry.HuntId"/>), so both stay plain values to filter on.
/// </summary>
/// <param name="Name">Stored as <see cref="AuditEntry.Actor"/>.</param>
/// <param name="HuntId">Stored as <see cref="AuditEntry.HuntId"/>; null for a scan's own action.</param>
public sealed record AuditActor(string Name, string? HuntId = null)
{
    /// <summary>A scan's own action.</summary>
    public static AuditActor Scanner { get; } = new(MessageActions.Scanner);

    /// <summary>An action of <paramref name="hunt"/>, on behalf of whoever requested it (the scanner for a hunt saved
    /// before requesters were recorded: what its entries said then).</summary>
    public static AuditActor For(HuntReport hunt)
    {
        ArgumentNullException.ThrowIfNull(hunt);
        return new AuditActor(hunt.RequestedBy ?? MessageActions.Scanner, hunt.Id);
    }
}
