namespace M365Scanner.GraphEmulator.Mail;

/// <summary>A fileAttachment (attached messages are kept as fileAttachment of type message/rfc822).</summary>
/// <param name="DeclaredSize">The size Graph reports when it is not the content's length: set through
/// <see cref="Control.EmulatorControl.MisstateAttachmentSize"/> to test a client that must not trust it.</param>
public sealed record StoredAttachment(string Id, string Name, string ContentType, byte[] Content, bool IsInline, string? ContentId,
    DateTimeOffset LastModifiedDateTime, long? DeclaredSize = null)
{
    /// <summary>The size property as written in JSON.</summary>
    public long Size => DeclaredSize ?? Content.Length;
}
