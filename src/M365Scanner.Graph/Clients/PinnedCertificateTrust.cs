using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace M365Scanner.Graph.Clients;

/// <summary>Builds the TLS handler for Graph and the authority: the system's normal validation, or, when a pinned
/// certificate is configured, acceptance of exactly that certificate by SHA-256 thumbprint. The host's console sign-in
/// uses it too, so it reaches the emulator's sign-in endpoints with the same trust.</summary>
public static class PinnedCertificateTrust
{
    public static HttpMessageHandler CreateHandler(string? pinnedPem)
    {
        var handler = new SocketsHttpHandler
        {
            // Long-lived clients must still notice DNS changes of graph.microsoft.com.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (!string.IsNullOrWhiteSpace(pinnedPem))
        {
            using var pinned = X509Certificate2.CreateFromPem(pinnedPem);
            var thumbprint = pinned.GetCertHash(HashAlgorithmName.SHA256);
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                // The emulator's certificate is self-signed, so chain errors are expected; only its exact bytes pass.
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                    presented is not null && CryptographicOperations.FixedTimeEquals(presented.GetCertHash(HashAlgorithmName.SHA256), thumbprint),
            };
        }
        return handler;
    }
}
