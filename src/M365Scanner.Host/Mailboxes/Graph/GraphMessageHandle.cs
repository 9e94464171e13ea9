using M365Scanner.Graph.Mail;

namespace M365Scanner.Host.Mailboxes.Graph;

/// <summary>The Graph adapter's <see cref="MessageHandle"/>: the <see cref="GraphMessage"/> as read, whose Graph
/// resource a rewritten copy is built from.</summary>
internal sealed class GraphMessageHandle : MessageHandle
{
    private GraphMessageHandle(GraphMessage message) => Message = message;

    public GraphMessage Message { get; }

    /// <summary>A message read through Graph, in the port's words, carrying its handle.</summary>
    public static FetchedMessage Fetched(GraphMessage message) =>
        new(message.Info.Id, message.Info.ParentFolderId ?? "inbox", message.Message, message.Info.CopyOf)
        {
            Handle = new GraphMessageHandle(message),
        };
}
