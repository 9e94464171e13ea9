namespace M365Scanner.GraphEmulator.Mail;

/// <summary>Graph's recipient: {"emailAddress":{"name","address"}}.</summary>
public sealed record Recipient(string? Name, string Address);
