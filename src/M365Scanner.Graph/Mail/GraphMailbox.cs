using System.Net;
using System.Text;
using M365Scanner.Graph.Batching;
using M365Scanner.Graph.Clients;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Graph.Users.Item.Messages.Item.Move;

namespace M365Scanner.Graph.Mail;

/// <summary>Message operations on one mailbox of one tenant: read for scanning, rewrite (replace with a copy),
/// quarantine, move, delete. Mailboxes are addressed by user id or UPN; use one form consistently (the
/// per-mailbox concurrency limit counts each form separately).</summary>
/// <remarks>Every method throws <see cref="Microsoft.Graph.Models.ODataErrors.ODataError"/> when Graph refuses
/// after the SDK's retries (404 for a message that is gone, 403 without Mail.ReadWrite, 429 after
/// <see cref="GraphOptions.MaxRetries"/>), and <see cref="KeyNotFoundException"/> for an unconfigured tenant.</remarks>
public sealed class GraphMailbox
{
    private readonly TenantGraphClients _clients;
    private readonly GraphOptions _options;
    private readonly BatchRunner _batches;
    private readonly QuarantineFolders _quarantine = new();
    private readonly OwnMessageMarker _marker;

    public GraphMailbox(TenantGraphClients clients, IOptions<GraphOptions> options, OwnMessageMarker marker, TimeProvider? time = null)
    {
        _clients = clients;
        _options = options.Value;
        _marker = marker;
        _batches = new BatchRunner(time ?? TimeProvider.System, maxAttempts: _options.MaxRetries + 1);
    }

    /// <summary>Reads a message with everything scoring and a rewrite need: one GET with the attachments as metadata,
    /// then the bytes of the attachments within <see cref="GraphOptions.MaxAttachmentBytes"/> (see
    /// <see cref="AttachmentFetcher"/>: none, one list request, or one /$value each). An attachment over the cap is
    /// never downloaded; it maps with its size and no content.</summary>
    public async Task<GraphMessage> GetMessageAsync(string tenant, string mailbox, string messageId, CancellationToken cancellationToken = default)
    {
        var graph = _clients.For(tenant);
        var message = await graph.Users[mailbox].Messages[messageId].GetAsync(r =>
        {
            r.QueryParameters.Select = MessageFields.Select;
            r.QueryParameters.Expand = MessageFields.Expand;
        }, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"Graph returned no message {messageId}.");

        var fetched = await AttachmentFetcher.FetchAsync(graph, mailbox, message, _options, cancellationToken).ConfigureAwait(false);
        var mapped = GraphMessageMapper.Map(message, fetched, _options.MaxAttachmentBytes);
        return new GraphMessage(mapped, InfoOf(message, mailbox), [.. GraphMessageMapper.Mappable(message).Select(a => a.Id ?? "")], message);
    }

    /// <summary>Creates a copy of <paramref name="original"/> in the same folder that Exchange stores as received
    /// (not a draft), differing only by the body and replaced attachments. Returns the copy's id.</summary>
    /// <remarks>Requests: one create carrying the attachments that fit in it; then, for a copy over Graph's 4 MB request
    /// limit, one POST per small attachment that did not fit and, per attachment of 3 MB or more, an upload session and
    /// one PUT per 3.75 MiB (<see cref="CopyAttachmentPlan"/>), and one PATCH that marks the copy whole; plus one
    /// /$value per attachment that was not read for scanning (over the cap), spooled to a file of
    /// <see cref="GraphOptions.SpoolDirectory"/> and deleted once the copy is made. Such a copy is created
    /// marked unfinished (<see cref="ScannerCopy.IsWhole"/>), so a run stopped before its last attachment leaves a copy
    /// that <see cref="ScannerCopies"/> reports as not whole; when an attachment cannot be added, the copy is deleted
    /// again and the error rethrown.</remarks>
    public async Task<string> CreateReceivedCopyAsync(string tenant, string mailbox, GraphMessage original, ReceivedCopy copy,
        CancellationToken cancellationToken = default)
    {
        var graph = _clients.For(tenant);
        using var prepared = await PrepareCopyAsync(graph, mailbox, original, copy, cancellationToken).ConfigureAwait(false);
        return await CreateAsync(tenant, graph, mailbox, original, prepared, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> CreateAsync(string tenant, GraphServiceClient graph, string mailbox, GraphMessage original, PreparedCopy prepared,
        CancellationToken cancellationToken)
    {
        var created = await graph.Users[mailbox].MailFolders[FolderOf(original)].Messages
            .PostAsync(prepared.Create, cancellationToken: cancellationToken).ConfigureAwait(false);
        var copyId = created?.Id ?? throw new InvalidOperationException("Graph returned no id for the created copy.");
        await CompleteCopyAsync(tenant, graph, mailbox, copyId, prepared, cancellationToken).ConfigureAwait(false);
        return copyId;
    }

    /// <summary>Creates <paramref name="notice"/> in the mailbox's Inbox as received, unread mail; returns its id. One request.</summary>
    public async Task<string> CreateNoticeAsync(string tenant, string mailbox, ReceivedNotice notice, CancellationToken cancellationToken = default)
    {
        var created = await _clients.For(tenant).Users[mailbox].MailFolders["inbox"].Messages
            .PostAsync(ReceivedNoticeBuilder.Build(notice, _marker.Mark(mailbox, notice.Marker)), cancellationToken: cancellationToken).ConfigureAwait(false);
        return created?.Id ?? throw new InvalidOperationException("Graph returned no id for the created notice.");
    }

    /// <summary>Replaces <paramref name="original"/> with a rewritten copy: create and delete go together in one
    /// $batch (the delete depends on the create, so a failed create leaves the original alone). Returns the copy's id.
    /// A copy over Graph's request limit cannot travel in a $batch (bound by the same 4 MB): it is created as
    /// <see cref="CreateReceivedCopyAsync"/> does, and the original deleted once the copy is whole.</summary>
    /// <exception cref="InvalidOperationException">The copy was created but the original could not be deleted; the
    /// message names the copy so it can be cleaned up.</exception>
    public async Task<string> ReplaceWithCopyAsync(string tenant, string mailbox, GraphMessage original, ReceivedCopy copy,
        CancellationToken cancellationToken = default)
    {
        var graph = _clients.For(tenant);
        using var prepared = await PrepareCopyAsync(graph, mailbox, original, copy, cancellationToken).ConfigureAwait(false);
        if (prepared.Later.Count > 0)
        {
            var whole = await CreateAsync(tenant, graph, mailbox, original, prepared, cancellationToken).ConfigureAwait(false);
            return await DeleteOriginalAsync(tenant, mailbox, original, whole, "after the copy's uploads", cancellationToken).ConfigureAwait(false);
        }
        var body = prepared.Create;
        BatchStep[] steps =
        [
            new("create", () => graph.Users[mailbox].MailFolders[FolderOf(original)].Messages.ToPostRequestInformation(body)),
            new("delete", () => graph.Users[mailbox].Messages[original.Info.Id].ToDeleteRequestInformation(), ["create"]),
        ];
        var results = await _batches.RunAsync(graph, steps, cancellationToken).ConfigureAwait(false);
        var create = results["create"];
        if (!create.IsSuccess)
            throw new InvalidOperationException($"Graph refused the copy ({(int)create.Status}): {create.Body}");
        var created = await KiotaJsonSerializer.DeserializeAsync(create.Body, Message.CreateFromDiscriminatorValue, cancellationToken).ConfigureAwait(false);
        var copyId = created?.Id ?? throw new InvalidOperationException("Graph returned no id for the created copy.");
        var deleteStatus = results["delete"].Status;
        if (deleteStatus is HttpStatusCode.NoContent or HttpStatusCode.OK or HttpStatusCode.NotFound) return copyId;
        return await DeleteOriginalAsync(tenant, mailbox, original, copyId, $"in the batch: {deleteStatus}", cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> DeleteOriginalAsync(string tenant, string mailbox, GraphMessage original, string copyId, string context,
        CancellationToken cancellationToken)
    {
        try
        {
            await DeleteAsync(tenant, mailbox, original.Info.Id, cancellationToken).ConfigureAwait(false);
            return copyId;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"Created copy {copyId} but could not delete original {original.Info.Id} ({context}).", e);
        }
    }

    /// <summary>The id of the mailbox's hidden quarantine folder, created on first use (idempotent across workers).</summary>
    public Task<string> EnsureQuarantineFolderAsync(string tenant, string mailbox, CancellationToken cancellationToken = default) =>
        _quarantine.EnsureAsync(_clients.For(tenant), tenant, mailbox, cancellationToken);

    /// <summary>Moves the message to the quarantine folder; returns its new id (a move changes the id).</summary>
    public async Task<string> QuarantineAsync(string tenant, string mailbox, string messageId, CancellationToken cancellationToken = default)
    {
        var folder = await EnsureQuarantineFolderAsync(tenant, mailbox, cancellationToken).ConfigureAwait(false);
        return await MoveAsync(tenant, mailbox, messageId, folder, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The id of the message in the quarantine folder whose Internet Message-ID is
    /// <paramref name="internetMessageId"/> (without angle brackets), or null. A move changes a message's id, so this is
    /// how a quarantine interrupted after the move, before its new id was recorded, finds the message again.</summary>
    public async Task<string?> FindInQuarantineAsync(string tenant, string mailbox, string internetMessageId, CancellationToken cancellationToken = default)
    {
        var folder = await EnsureQuarantineFolderAsync(tenant, mailbox, cancellationToken).ConfigureAwait(false);
        var literal = $"<{internetMessageId}>".Replace("'", "''", StringComparison.Ordinal);
        var page = await _clients.For(tenant).Users[mailbox].MailFolders[folder].Messages.GetAsync(r =>
        {
            r.QueryParameters.Select = ["id"];
            r.QueryParameters.Filter = $"internetMessageId eq '{literal}'";
            r.QueryParameters.Top = 1;
        }, cancellationToken).ConfigureAwait(false);
        return page?.Value?.FirstOrDefault()?.Id;
    }

    /// <summary>Moves a message to a folder (id or well-known name); returns its new id.</summary>
    public async Task<string> MoveAsync(string tenant, string mailbox, string messageId, string destinationFolder, CancellationToken cancellationToken = default)
    {
        var moved = await _clients.For(tenant).Users[mailbox].Messages[messageId].Move
            .PostAsync(new MovePostRequestBody { DestinationId = destinationFolder }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return moved?.Id ?? throw new InvalidOperationException("Graph returned no id for the moved message.");
    }

    /// <summary>Deletes a message (Graph's DELETE; recoverable by an administrator as Exchange retains it).</summary>
    public Task DeleteAsync(string tenant, string mailbox, string messageId, CancellationToken cancellationToken = default) =>
        _clients.For(tenant).Users[mailbox].Messages[messageId].DeleteAsync(cancellationToken: cancellationToken);

    /// <summary>The copy's create body with the attachments that fit in it, and the ones to add once it exists.</summary>
    private async Task<PreparedCopy> PrepareCopyAsync(GraphServiceClient graph, string mailbox, GraphMessage original, ReceivedCopy copy,
        CancellationToken cancellationToken)
    {
        var sources = GraphMessageMapper.Mappable(original.Source).ToList();
        var contents = new List<CopyAttachmentContent>(sources.Count);
        try
        {
            for (var i = 0; i < sources.Count; i++)
            {
                var attachment = original.Message.Attachments[i];
                if (copy.ReplacedAttachments is not null && copy.ReplacedAttachments.TryGetValue(i, out var replaced))
                    contents.Add(CopyAttachmentContent.InMemory(replaced.ToArray()));
                else if (attachment.HasContent)
                    contents.Add(CopyAttachmentContent.InMemory(attachment.Content.ToArray()));
                else // not read for scanning (over the cap): the copy still needs it, byte for byte
                    contents.Add(await AttachmentContent.SpoolAsync(graph, mailbox, original.Info.Id, sources[i].Id!, _options.SpoolDirectory,
                        cancellationToken).ConfigureAwait(false));
            }
            return await PrepareAsync(mailbox, original, copy, sources, contents, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            contents.ForEach(c => c.Dispose());
            throw;
        }
    }

    private async Task<PreparedCopy> PrepareAsync(string mailbox, GraphMessage original, ReceivedCopy copy, List<Attachment> sources,
        List<CopyAttachmentContent> contents, CancellationToken cancellationToken)
    {
        // Only what travels in the create request is needed as an array; an empty one stands for the others.
        var none = new byte[sources.Count][];
        Array.Fill(none, []);
        // The body's JSON is measured, not estimated: the serializer escapes markup, so HTML grows by an unknown factor.
        var bare = ReceivedCopyBuilder.Build(original.Source, copy, _marker.Mark(mailbox, original.Info.Id), none, inline: new HashSet<int>());
        var messageJson = Encoding.UTF8.GetByteCount(await KiotaJsonSerializer.SerializeAsStringAsync(bare, serializeOnlyChangedValues: true, cancellationToken)
            .ConfigureAwait(false));
        var plan = CopyAttachmentPlan.For(
            [.. contents.Select(c => c.Length)],
            [.. sources.Select(a => (long)Encoding.UTF8.GetByteCount($"{a.Name}{a.ContentType}{(a as FileAttachment)?.ContentId}"))],
            messageJson);
        var inline = Enumerable.Range(0, sources.Count).Where(i => plan.Routes[i] == CopyAttachmentRoute.Inline).ToHashSet();
        var bytes = Enumerable.Range(0, sources.Count).Select(i => inline.Contains(i) ? contents[i].ToArray() : []).ToList();
        var later = Enumerable.Range(0, sources.Count).Where(i => !inline.Contains(i))
            .Select(i => new LaterAttachment(sources[i], contents[i], plan.Routes[i])).ToList();
        // A copy whose attachments follow the create is marked unfinished until they are all added (ScannerCopy.IsWhole).
        var marker = _marker.Mark(mailbox, later.Count == 0 ? original.Info.Id : MessageFields.UnfinishedCopyPrefix + original.Info.Id);
        return new PreparedCopy(ReceivedCopyBuilder.Build(original.Source, copy, marker, bytes, inline), later, original.Info.Id, contents);
    }

    private async Task CompleteCopyAsync(string tenant, GraphServiceClient graph, string mailbox, string copyId, PreparedCopy prepared,
        CancellationToken cancellationToken)
    {
        if (prepared.Later.Count == 0) return;
        try
        {
            foreach (var later in prepared.Later)
                await CopyAttachments.AddAsync(graph, _clients.UploadsFor(tenant), mailbox, copyId, later.Source, later.Content, later.Route,
                    cancellationToken).ConfigureAwait(false);
            // Whole now: the marker loses its "unfinished" prefix (extended properties can be changed on a received message).
            await graph.Users[mailbox].Messages[copyId].PatchAsync(new Message
            {
                SingleValueExtendedProperties = [new() { Id = MessageFields.CopyOfPropertyId, Value = _marker.Mark(mailbox, prepared.OriginalId) }],
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A copy short of an attachment must not stand in for the original: remove it, so a retry makes a whole one.
            // If that fails too, the first error is the one raised; the copy stays marked unfinished, and the resumed
            // rewrite replaces it.
            try { await DeleteAsync(tenant, mailbox, copyId, CancellationToken.None).ConfigureAwait(false); }
            catch (Exception e) when (e is not OperationCanceledException) { }
            throw;
        }
    }

    private sealed record LaterAttachment(Attachment Source, CopyAttachmentContent Content, CopyAttachmentRoute Route);

    /// <summary>Disposing it deletes the attachments spooled for it.</summary>
    private sealed record PreparedCopy(Message Create, IReadOnlyList<LaterAttachment> Later, string OriginalId,
        IReadOnlyList<CopyAttachmentContent> Contents) : IDisposable
    {
        public void Dispose()
        {
            foreach (var content in Contents)
                content.Dispose();
        }
    }

    private static string FolderOf(GraphMessage original) =>
        original.Info.ParentFolderId ?? throw new InvalidOperationException("The message was read without parentFolderId.");

    private GraphMessageInfo InfoOf(Message m, string mailbox) => new(
        m.Id ?? "",
        m.ParentFolderId,
        m.IsRead ?? false,
        m.IsDraft ?? false,
        m.Categories ?? [],
        m.ReceivedDateTime,
        m.InternetMessageId,
        m.HasAttachments ?? false,
        _marker.Read(mailbox, m.Id ?? "", MessageFields.CopyOfValue(m)));
}
