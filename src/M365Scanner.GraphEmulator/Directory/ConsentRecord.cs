namespace M365Scanner.GraphEmulator.Directory;

/// <summary>One answer of the admin-consent page: who asked, what was granted, or why it was refused.</summary>
public sealed record ConsentRecord(string TenantId, string ClientId, bool Granted, IReadOnlyCollection<string> Roles,
    string? Error, DateTimeOffset At);
