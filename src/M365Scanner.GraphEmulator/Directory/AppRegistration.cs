using System.Collections.Immutable;
using System.Security.Cryptography.X509Certificates;

namespace M365Scanner.GraphEmulator.Directory;

/// <summary>An application registered in a tenant: its credentials and the Graph application roles
/// (e.g. Mail.ReadWrite) an admin has granted it. Tokens carry exactly the granted roles.</summary>
public sealed class AppRegistration
{
    private ImmutableHashSet<string> _granted;

    internal AppRegistration(string clientId, string? secret, X509Certificate2? certificate,
        IEnumerable<string> requestedRoles, IEnumerable<string> grantedRoles, IEnumerable<string> redirectUris)
    {
        ClientId = clientId;
        Secret = secret;
        Certificate = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.RawData);
        RequestedRoles = requestedRoles.ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
        _granted = grantedRoles.ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
        RedirectUris = redirectUris.ToImmutableArray();
    }

    public string ClientId { get; }
    public string? Secret { get; }

    /// <summary>Public certificate for client-assertion sign-in (private key is never held here).</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>Roles the app asks for; admin consent grants these.</summary>
    public ImmutableHashSet<string> RequestedRoles { get; }

    public ImmutableHashSet<string> GrantedRoles => Volatile.Read(ref _granted);

    public ImmutableArray<string> RedirectUris { get; }

    internal void Grant(IEnumerable<string> roles) =>
        ImmutableInterlocked.Update(ref _granted, current => current.Union(roles));
}
