namespace M365Scanner.Core.Links.Extraction;

/// <summary>How an attachment is read for links. Decided by the bytes first, because senders (and phishing
/// kits in particular) declare whatever content type suits them.</summary>
public enum AttachmentKind
{
    /// <summary>Not a format that carries clickable links (images, audio, unknown binaries).</summary>
    Unreadable,
    Pdf,
    Html,
    Text,
    Office,
    Message,
}
