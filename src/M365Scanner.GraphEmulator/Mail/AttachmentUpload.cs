using M365Scanner.GraphEmulator.Directory;

namespace M365Scanner.GraphEmulator.Mail;

/// <summary>One open upload session: the attachment it will create on which message, and the bytes received so far,
/// which Outlook takes only in order (each range starts where the last ended).</summary>
internal sealed class AttachmentUpload(string id, string authToken, string appId, EmulatedUser user, string messageId, string name,
    string contentType, bool isInline, string? contentId, long size, DateTimeOffset expires)
{
    private readonly byte[] _bytes = new byte[size];

    public string Id { get; } = id;
    public string AuthToken { get; } = authToken;
    /// <summary>The app that opened the session: its PUTs count against that app's limits on the mailbox.</summary>
    public string AppId { get; } = appId;
    public EmulatedUser User { get; } = user;
    public string MessageId { get; } = messageId;
    public string Name { get; } = name;
    public string ContentType { get; } = contentType;
    public bool IsInline { get; } = isInline;
    public string? ContentId { get; } = contentId;
    public long Size { get; } = size;
    public DateTimeOffset Expires { get; } = expires;

    /// <summary>Bytes received, which is also where the next range must start.</summary>
    public long Received { get; private set; }

    /// <summary>Whether the last range has arrived and the attachment was created (a session is then gone).</summary>
    public bool Completed { get; set; }

    /// <summary>The memory to read the range starting at <see cref="Received"/> into.</summary>
    public Memory<byte> NextRange(int length) => _bytes.AsMemory((int)Received, length);

    public void Advance(int length) => Received += length;

    public byte[] Content => _bytes;
}
