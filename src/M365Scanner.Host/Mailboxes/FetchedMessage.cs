using M365Scanner.Core.Mail;

namespace M365Scanner.Host.Mailboxes;

/// <summary>A message read from a mailbox: the core model plus what acting on it needs.</summary>
/// <param name="Id">The Graph item id (changes when the message moves).</param>
/// <param name="FolderId">The id of the folder it is in.</param>
/// <param name="ScannerCopyOf">Set when this message is a rewritten copy the scanner made (its marker, only when the
/// marker's tag verifies: anyone can write the property), so the copy's own "created" notification is not scanned again.</param>
public sealed record FetchedMessage(
    string Id,
    string FolderId,
    EmailMessage Message,
    string? ScannerCopyOf)
{
    /// <summary>What the adapter that read the message needs to build a copy of it; null for a message no adapter read.</summary>
    public MessageHandle? Handle { get; init; }
}
