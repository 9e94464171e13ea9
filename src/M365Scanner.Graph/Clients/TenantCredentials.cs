using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace M365Scanner.Graph.Clients;

/// <summary>Builds the Azure.Identity credential of one tenant's app registration: a client secret or a certificate,
/// against <see cref="GraphOptions.AuthorityHost"/>, over the same TLS trust as Graph (the pinned certificate when
/// one is configured).</summary>
public static class TenantCredentials
{
    /// <summary>A new credential (with its own token cache) for <paramref name="tenant"/>.</summary>
    /// <exception cref="CryptographicException">The certificate file cannot be read.</exception>
    public static TokenCredential Create(GraphOptions options, TenantCredentialOptions tenant)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tenant);
        var authority = new Uri(options.AuthorityHost);
        var transport = new HttpClientTransport(PinnedCertificateTrust.CreateHandler(options.PinnedCertificatePem));
        // Instance discovery asks login.microsoftonline.com about the authority; the emulator (or a sovereign cloud
        // given explicitly) needs none of that.
        var disableDiscovery = !authority.Host.Equals("login.microsoftonline.com", StringComparison.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(tenant.ClientSecret))
            return new ClientSecretCredential(tenant.TenantId, tenant.ClientId, tenant.ClientSecret, new ClientSecretCredentialOptions
            {
                AuthorityHost = authority, DisableInstanceDiscovery = disableDiscovery, Transport = transport,
            });
        var certificate = LoadCertificate(tenant.CertificatePath!, tenant.CertificatePassword);
        return new ClientCertificateCredential(tenant.TenantId, tenant.ClientId, certificate, new ClientCertificateCredentialOptions
        {
            AuthorityHost = authority, DisableInstanceDiscovery = disableDiscovery, Transport = transport,
        });
    }

    private static X509Certificate2 LoadCertificate(string path, string? password) =>
        path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
            ? (string.IsNullOrEmpty(password) ? X509Certificate2.CreateFromPemFile(path) : X509Certificate2.CreateFromEncryptedPemFile(path, password))
            : X509CertificateLoader.LoadPkcs12FromFile(path, password);
}
