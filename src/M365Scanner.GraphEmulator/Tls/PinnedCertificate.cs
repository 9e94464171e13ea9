using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace M365Scanner.GraphEmulator.Tls;

/// <summary>Trusts exactly one certificate, by SHA-256 thumbprint: clients of the emulator accept its
/// self-made certificate and nothing else (never "accept all").</summary>
public sealed class PinnedCertificate
{
    private readonly byte[] _sha256;

    public PinnedCertificate(X509Certificate2 certificate)
    {
        Certificate = X509CertificateLoader.LoadCertificate(certificate.RawData);
        _sha256 = certificate.GetCertHash(HashAlgorithmName.SHA256);
    }

    /// <summary>The pinned certificate, public part only.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>True when <paramref name="presented"/> is the pinned certificate; chain and name errors are
    /// ignored only for it (it is self-signed, so the chain never builds).</summary>
    public bool Matches(X509Certificate? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(presented.GetCertHash(HashAlgorithmName.SHA256), _sha256);

    /// <summary>A callback for <see cref="SslClientAuthenticationOptions.RemoteCertificateValidationCallback"/>.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => Matches(certificate);

    /// <summary>A new handler that connects only to a server presenting the pinned certificate.</summary>
    public HttpMessageHandler CreateHandler() => new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Validate },
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 256,
    };

    /// <summary>The certificate as PEM, for programs outside this process that need to trust it.</summary>
    public string ToPem() => Certificate.ExportCertificatePem();
}
