using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using M365Scanner.GraphEmulator.Mail;

namespace M365Scanner.GraphEmulator.Directory;

/// <summary>A user of a tenant and the mailbox that belongs to it; with a password, the user can sign in at the
/// authorize endpoint, and its app-role assignments (per app registration) become the id token's <c>roles</c>.</summary>
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

    private ImmutableDictionary<string, ImmutableHashSet<string>> _appRoles =
        ImmutableDictionary.Create<string, ImmutableHashSet<string>>(StringComparer.OrdinalIgnoreCase);
    private byte[]? _passwordHash;

    /// <summary>True when a password was set, so the user can sign in interactively.</summary>
    public bool CanSignIn => Volatile.Read(ref _passwordHash) is not null;

    /// <summary>The app roles (e.g. Admin, Analyst, Reader) assigned to this user for one app registration.</summary>
    public ImmutableHashSet<string> AppRolesFor(string clientId) =>
        Volatile.Read(ref _appRoles).TryGetValue(clientId, out var roles) ? roles : ImmutableHashSet<string>.Empty;

    internal void AssignAppRoles(string clientId, IEnumerable<string> roles) =>
        ImmutableInterlocked.Update(ref _appRoles, current => current.SetItem(clientId,
            current.TryGetValue(clientId, out var existing) ? existing.Union(roles) : roles.ToImmutableHashSet(StringComparer.OrdinalIgnoreCase)));

    // A hash rather than the text, so that a dump of the directory does not show it; the comparison takes fixed time.
    internal void SetPassword(string password) => Volatile.Write(ref _passwordHash, Hash(password));

    internal bool CheckPassword(string? password) =>
        Volatile.Read(ref _passwordHash) is { } expected && password is not null && CryptographicOperations.FixedTimeEquals(expected, Hash(password));

    private static byte[] Hash(string password) => SHA256.HashData(Encoding.UTF8.GetBytes(password));
}
