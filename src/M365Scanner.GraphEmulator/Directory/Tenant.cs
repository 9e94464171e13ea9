using System.Collections.Concurrent;

namespace M365Scanner.GraphEmulator.Directory;

/// <summary>An Entra ID tenant: its apps, users, and admin-consent history.</summary>
public sealed class Tenant
{
    private readonly ConcurrentDictionary<string, EmulatedUser> _usersById = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, EmulatedUser> _usersByUpn = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<EmulatedUser> _userOrder = [];
    private readonly ConcurrentQueue<ConsentRecord> _consents = new();

    internal Tenant(string id, string domain)
    {
        Id = id;
        Domain = domain;
    }

    public string Id { get; }
    public string Domain { get; }

    internal ConcurrentDictionary<string, AppRegistration> Apps { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What the admin-consent page answers: null grants; otherwise the OAuth error code to return.</summary>
    internal string? ConsentError { get; set; }

    public IReadOnlyCollection<ConsentRecord> Consents => _consents.ToArray();

    internal void RecordConsent(ConsentRecord record) => _consents.Enqueue(record);

    /// <summary>Users in creation order (a stable order makes paging deterministic).</summary>
    public IReadOnlyList<EmulatedUser> Users
    {
        get { lock (_userOrder) return _userOrder.ToArray(); }
    }

    internal bool TryAdd(EmulatedUser user)
    {
        lock (_userOrder)
        {
            if (!_usersByUpn.TryAdd(user.UserPrincipalName, user)) return false;
            _usersById[user.Id] = user;
            _userOrder.Add(user);
            return true;
        }
    }

    /// <summary>Finds a user by object id or user principal name, as Graph's /users/{id | userPrincipalName} does.</summary>
    public EmulatedUser? FindUser(string idOrUpn) =>
        _usersById.TryGetValue(idOrUpn, out var byId) ? byId
        : _usersByUpn.TryGetValue(idOrUpn, out var byUpn) ? byUpn
        : null;
}
