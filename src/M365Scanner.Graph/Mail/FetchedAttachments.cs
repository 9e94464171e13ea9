namespace M365Scanner.Graph.Mail;

/// <summary>What was read of a message's attachment bytes, by attachment id: the bytes of those within the cap, and
/// the real size (as far as known) of those that proved larger than the cap although declared within it.</summary>
internal sealed class FetchedAttachments
{
    public Dictionary<string, byte[]> Bytes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> OverCapSizes { get; } = new(StringComparer.Ordinal);

    public void Add(string id, AttachmentRead read)
    {
        if (read.Bytes is { } bytes) Bytes[id] = bytes;
        else OverCapSizes[id] = read.Size;
    }
}
