using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace M365Scanner.Graph.Mail;

/// <summary>Reads the bytes a scan needs of a message whose attachments were read as metadata only
/// (<see cref="MessageFields"/>), as <see cref="AttachmentPlan"/> decides: nothing for attachments declared over the
/// cap, one list request for a few small file attachments, otherwise one /$value each, every read under a byte cap.</summary>
/// <remarks>Requests after the message GET: 0 without attachments (or when all are over the cap); 1 for one attachment,
/// or for 2+ file attachments within the cap that add up to at most <see cref="GraphOptions.MaxListedAttachmentBytes"/>;
/// otherwise 1 per attachment within the cap. A list answer that runs past its limit (a declared size lied) costs that
/// request and then one /$value per attachment.</remarks>
internal static class AttachmentFetcher
{
    public static async Task<FetchedAttachments> FetchAsync(GraphServiceClient graph, string mailbox, Message message, GraphOptions options,
        CancellationToken cancellationToken)
    {
        var fetched = new FetchedAttachments();
        var cap = options.MaxAttachmentBytes;
        var plan = AttachmentPlan.For([.. GraphMessageMapper.Mappable(message)], message.Attachments?.Count ?? 0, cap,
            options.MaxListedAttachmentBytes);
        var byValue = plan.ByValue.ToList();
        if (plan.Listed.Count > 0)
        {
            var listed = await AttachmentList.ReadAsync(graph, mailbox, message.Id!, plan.ListResponseLimit, cancellationToken).ConfigureAwait(false);
            foreach (var a in plan.Listed)
            {
                if (listed is not null && listed.TryGetValue(a.Id!, out var bytes))
                    fetched.Add(a.Id!, bytes.Length <= cap ? new AttachmentRead(bytes, bytes.Length) : new AttachmentRead(null, bytes.Length));
                else // the answer ran past its limit, or left this one out: read it alone, under the cap
                    byValue.Add(a);
            }
        }
        foreach (var a in byValue)
            fetched.Add(a.Id!, await AttachmentContent.ReadAsync(graph, mailbox, message.Id!, a.Id!, cap, cancellationToken).ConfigureAwait(false));
        return fetched;
    }
}
