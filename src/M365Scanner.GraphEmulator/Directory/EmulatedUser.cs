using M365Scanner.GraphEmulator.Mail;

namespace M365Scanner.GraphEmulator.Directory;

/// <summary>A user of a tenant and the mailbox that belongs to it.</summary>
public sealed class EmulatedUser
{
    internal EmulatedUser(string tenantId, string id, string userPrincipalName, string displayName, Mailbox mailbox)
    {
        TenantId = tenantId;
        Id = id;
        UserPrincipalName = userPrincipalName;
        DisplayName = displayName;
        Mailbox = mailbox;
    }

    public string TenantId { get; }
    public string Id { get; }
    public string UserPrincipalName { get; }
    public string DisplayName { get; }
    internal Mailbox Mailbox { get; }
}
