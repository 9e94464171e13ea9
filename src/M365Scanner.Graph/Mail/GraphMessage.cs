using M365Scanner.Core.Mail;

namespace M365Scanner.Graph.Mail;

/// <summary>A message read for scanning: the core model, its Graph state, and (internally) the Graph resource
/// that a rewritten copy is built from.</summary>
public sealed class GraphMessage
{
    internal GraphMessage(EmailMessage message, GraphMessageInfo info, IReadOnlyList<string> attachmentIds, Microsoft.Graph.Models.Message source)
    {
        Message = message;
        Info = info;
        AttachmentIds = attachmentIds;
        Source = source;
    }

    public EmailMessage Message { get; }
    public GraphMessageInfo Info { get; }

    /// <summary>Graph attachment ids, in the order of <see cref="EmailMessage.Attachments"/>.</summary>
    public IReadOnlyList<string> AttachmentIds { get; }

    internal Microsoft.Graph.Models.Message Source { get; }
}
