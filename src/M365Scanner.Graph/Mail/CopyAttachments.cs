using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Messages.Item.Attachments.CreateUploadSession;
using Microsoft.Kiota.Abstractions;

namespace M365Scanner.Graph.Mail;

/// <summary>Adds to a copy that already exists the attachments its create could not carry (<see cref="CopyAttachmentPlan"/>):
/// a small one by one POST, a large one through an upload session whose ranges the SDK's
/// <see cref="LargeFileUploadTask{T}"/> sends.</summary>
/// <remarks>The ranges go to the session's pre-authenticated upload URL (outlook.office.com on the service) through
/// an adapter that sends no bearer token (<see cref="Clients.TenantGraphClients.UploadsFor"/>): Exchange refuses a Graph token there.</remarks>
internal static class CopyAttachments
{
    public static async Task AddAsync(GraphServiceClient graph, IRequestAdapter uploads, string mailbox, string copyId,
        Attachment source, CopyAttachmentContent content, CopyAttachmentRoute route, CancellationToken cancellationToken)
    {
        var attachments = graph.Users[mailbox].Messages[copyId].Attachments;
        if (route == CopyAttachmentRoute.Posted)
        {
            await attachments.PostAsync(ReceivedCopyBuilder.Attachment(source, content.ToArray()), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }
        var session = await attachments.CreateUploadSession.PostAsync(
                new CreateUploadSessionPostRequestBody { AttachmentItem = ReceivedCopyBuilder.UploadItem(source, content.Length) },
                cancellationToken: cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("Graph returned no upload session.");
        var task = new LargeFileUploadTask<FileAttachment>(session, content.OpenRead(), CopyAttachmentPlan.UploadRangeBytes, uploads);
        // One try: on failure the task would ask the session for its missing ranges, which Outlook reports in a form
        // ("2097152", no dash) the task cannot parse; the rewrite fails and is retried whole instead.
        var result = await task.UploadAsync(maxTries: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!result.UploadSucceeded)
            throw new InvalidOperationException($"The upload of attachment '{source.Name}' to copy {copyId} did not complete.");
    }
}
