namespace M365Scanner.Host.Mailboxes;

/// <summary>The messages added to a folder since the last delta link, and the link to use next time.</summary>
public sealed record DeltaResult(IReadOnlyList<string> AddedMessageIds, string DeltaLink);
