namespace M365Scanner.GraphEmulator.Mail;

/// <summary>What changed in a mailbox, as a change notification describes it.</summary>
public enum ChangeType { Created, Updated, Deleted }

/// <summary>A change to one message in one folder (a move is a Deleted in the source and a Created in the target).</summary>
public sealed record MailboxChange(string TenantId, string UserId, string FolderId, string MessageId, string ChangeKey, ChangeType ChangeType);
