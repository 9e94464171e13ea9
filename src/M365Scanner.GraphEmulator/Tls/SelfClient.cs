namespace M365Scanner.GraphEmulator.Tls;

/// <summary>An HttpClient for the emulator to call itself (batch steps), trusting only its own certificate.</summary>
internal sealed class SelfClient(PinnedCertificate certificate) : IDisposable
{
    public HttpClient Client { get; } = new(certificate.CreateHandler()) { Timeout = TimeSpan.FromSeconds(100) };

    public void Dispose() => Client.Dispose();
}
