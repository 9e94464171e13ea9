namespace M365Scanner.Host.Scanning;

/// <summary>A message named by a notification: tenant, mailbox and Graph id.</summary>
public sealed record MessageRef(string TenantId, string Mailbox, string MessageId);
