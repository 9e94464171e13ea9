namespace M365Scanner.Graph.Load;

/// <summary>What the emulator process tells the reader: where it is, whom to trust, which app to sign in as and
/// which seeded message is which.</summary>
internal sealed record Handoff(string GraphBaseUrl, string AuthorityHost, string CertificatePem, string TenantId, string ClientId,
    string Secret, string User, Dictionary<string, string> Messages);
