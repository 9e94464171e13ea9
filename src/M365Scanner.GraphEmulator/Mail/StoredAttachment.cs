namespace M365Scanner.GraphEmulator.Mail;

/// <summary>A fileAttachment (attached messages are kept as fileAttachment of type message/rfc822).</summary>
public sealed record StoredAttachment(string Id, string Name, string ContentType, byte[] Content, bool IsInline, string? ContentId,
    DateTimeOffset LastModifiedDateTime);
