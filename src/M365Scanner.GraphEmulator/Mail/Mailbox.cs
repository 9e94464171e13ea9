using M365Scanner.GraphEmulator.Graph;

namespace M365Scanner.GraphEmulator.Mail;

/// <summary>One user's folders and messages. Every read and write takes the mailbox's lock, so concurrent
/// clients never lose or duplicate a message; records handed out are immutable snapshots. Changes are reported
/// (after the lock is released) to the subscription engine.</summary>
internal sealed class Mailbox
{
    private readonly object _gate = new();
    private readonly Dictionary<string, MailFolder> _folders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _wellKnown = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, StoredMessage>> _byFolder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredMessage> _messages = new(StringComparer.Ordinal);
    private readonly Action<MailboxChange> _onChange;
    private readonly TimeProvider _time;
    private long _sequence;

    public Mailbox(string tenantId, string userId, TimeProvider time, Action<MailboxChange> onChange)
    {
        TenantId = tenantId;
        UserId = userId;
        _time = time;
        _onChange = onChange;
        var root = AddFolderLocked(WellKnownFolders.Root, "Top of Information Store", null, WellKnownFolders.Root);
        foreach (var (name, display) in WellKnownFolders.TopLevel)
            AddFolderLocked(name, display, root.Id, name);
    }

    public string TenantId { get; }
    public string UserId { get; }
    public string RootFolderId => _wellKnown[WellKnownFolders.Root];

    /// <summary>Current end of the change sequence (the next delta round starts after it).</summary>
    public long Sequence { get { lock (_gate) return _sequence; } }

    // ---- folders ----

    /// <summary>Resolves a folder id or well-known name (inbox, sentitems, ...); throws 404 when unknown.</summary>
    public string ResolveFolderId(string idOrName)
    {
        lock (_gate) return ResolveLocked(idOrName).Id;
    }

    public FolderSnapshot GetFolder(string idOrName)
    {
        lock (_gate) return SnapshotLocked(ResolveLocked(idOrName));
    }

    /// <summary>Child folders; hidden ones only with <paramref name="includeHidden"/> (Graph's includeHiddenFolders=true).</summary>
    public IReadOnlyList<FolderSnapshot> ChildFolders(string? parentIdOrName, bool includeHidden = false)
    {
        lock (_gate)
        {
            var parentId = parentIdOrName is null ? RootFolderId : ResolveLocked(parentIdOrName).Id;
            return _folders.Values.Where(f => f.ParentFolderId == parentId && (includeHidden || !f.IsHidden)).Select(SnapshotLocked).ToArray();
        }
    }

    public IReadOnlyList<FolderSnapshot> AllFolders()
    {
        lock (_gate) return _folders.Values.Where(f => f.Id != RootFolderId).Select(SnapshotLocked).ToArray();
    }

    public FolderSnapshot CreateFolder(string? parentIdOrName, string displayName, bool isHidden = false)
    {
        if (string.IsNullOrWhiteSpace(displayName))
            throw GraphException.BadRequest("The folder name cannot be empty.", "ErrorInvalidFolderName");
        lock (_gate)
        {
            var parentId = parentIdOrName is null ? RootFolderId : ResolveLocked(parentIdOrName).Id;
            if (_folders.Values.Any(f => f.ParentFolderId == parentId && string.Equals(f.DisplayName, displayName, StringComparison.OrdinalIgnoreCase)))
                throw new GraphException(409, "ErrorFolderExists", "A folder with the specified name already exists.");
            return SnapshotLocked(AddFolderLocked(GraphIds.NewFolderId(), displayName, parentId, null, isHidden));
        }
    }

    // ---- messages ----

    /// <summary>Adds a message built by the caller (id, folder, sequence and change key are assigned here).</summary>
    public StoredMessage Add(string folderIdOrName, StoredMessage template)
    {
        StoredMessage stored;
        lock (_gate)
        {
            var folder = ResolveLocked(folderIdOrName);
            stored = template with
            {
                Id = GraphIds.NewMessageId(),
                FolderId = folder.Id,
                ChangeKey = GraphIds.NewChangeKey(),
                Sequence = ++_sequence,
            };
            PutLocked(stored);
        }
        Raise(stored, ChangeType.Created);
        return stored;
    }

    public StoredMessage Get(string messageId)
    {
        lock (_gate) return _messages.TryGetValue(messageId, out var m) ? m : throw GraphException.ItemNotFound();
    }

    /// <summary>Gets a message only if it sits in the given folder (for /mailFolders/{id}/messages/{id}).</summary>
    public StoredMessage Get(string messageId, string? folderIdOrName)
    {
        lock (_gate)
        {
            if (!_messages.TryGetValue(messageId, out var m)) throw GraphException.ItemNotFound();
            if (folderIdOrName is not null && ResolveLocked(folderIdOrName).Id != m.FolderId) throw GraphException.ItemNotFound();
            return m;
        }
    }

    /// <summary>All messages of a folder (or of the whole mailbox when null), unordered.</summary>
    public IReadOnlyList<StoredMessage> List(string? folderIdOrName)
    {
        lock (_gate)
        {
            if (folderIdOrName is null)
                return _messages.Values.Where(m => m.FolderId != RootFolderId).ToArray();
            var folder = ResolveLocked(folderIdOrName);
            return _byFolder[folder.Id].Values.ToArray();
        }
    }

    public StoredMessage Update(string messageId, Func<StoredMessage, StoredMessage> change)
    {
        StoredMessage updated;
        lock (_gate)
        {
            if (!_messages.TryGetValue(messageId, out var current)) throw GraphException.ItemNotFound();
            updated = change(current) with
            {
                Id = current.Id,
                FolderId = current.FolderId,
                ChangeKey = GraphIds.NewChangeKey(),
                Sequence = ++_sequence,
                LastModifiedDateTime = _time.GetUtcNow(),
            };
            PutLocked(updated);
        }
        Raise(updated, ChangeType.Updated);
        return updated;
    }

    /// <summary>Moves a message; like Exchange without immutable ids, the moved message gets a new id.</summary>
    public StoredMessage Move(string messageId, string destinationIdOrName)
    {
        StoredMessage original, moved;
        lock (_gate)
        {
            if (!_messages.TryGetValue(messageId, out original!)) throw GraphException.ItemNotFound();
            var destination = ResolveLocked(destinationIdOrName);
            RemoveLocked(original);
            moved = original with
            {
                Id = GraphIds.NewMessageId(),
                FolderId = destination.Id,
                ChangeKey = GraphIds.NewChangeKey(),
                Sequence = ++_sequence,
                LastModifiedDateTime = _time.GetUtcNow(),
            };
            PutLocked(moved);
        }
        Raise(original, ChangeType.Deleted);
        Raise(moved, ChangeType.Created);
        return moved;
    }

    public StoredMessage Copy(string messageId, string destinationIdOrName)
    {
        StoredMessage copy;
        lock (_gate)
        {
            if (!_messages.TryGetValue(messageId, out var original)) throw GraphException.ItemNotFound();
            var destination = ResolveLocked(destinationIdOrName);
            var now = _time.GetUtcNow();
            copy = original with
            {
                Id = GraphIds.NewMessageId(),
                FolderId = destination.Id,
                ChangeKey = GraphIds.NewChangeKey(),
                Sequence = ++_sequence,
                CreatedDateTime = now,
                LastModifiedDateTime = now,
                Attachments = [.. original.Attachments.Select(a => a with { Id = GraphIds.NewAttachmentId() })],
            };
            PutLocked(copy);
        }
        Raise(copy, ChangeType.Created);
        return copy;
    }

    public void Delete(string messageId)
    {
        StoredMessage removed;
        lock (_gate)
        {
            if (!_messages.TryGetValue(messageId, out removed!)) throw GraphException.ItemNotFound();
            RemoveLocked(removed);
        }
        Raise(removed, ChangeType.Deleted);
    }

    /// <summary>Changes in a folder with sequence in (after, upTo]: current messages and (unless an initial sync) removals, in sequence order.</summary>
    public IReadOnlyList<(long Sequence, StoredMessage? Message, string? RemovedId)> Changes(string folderId, long after, long upTo, bool includeRemoved)
    {
        lock (_gate)
        {
            if (!_folders.TryGetValue(folderId, out var folder)) throw GraphException.ItemNotFound();
            var present = _byFolder[folderId].Values
                .Where(m => m.Sequence > after && m.Sequence <= upTo)
                .Select(m => (m.Sequence, (StoredMessage?)m, (string?)null));
            var removed = !includeRemoved ? [] : folder.Removed
                .Where(r => r.Sequence > after && r.Sequence <= upTo)
                .Select(r => (r.Sequence, (StoredMessage?)null, (string?)r.MessageId));
            return present.Concat(removed).OrderBy(c => c.Sequence).ToArray();
        }
    }

    private MailFolder ResolveLocked(string idOrName)
    {
        if (_folders.TryGetValue(idOrName, out var byId)) return byId;
        if (_wellKnown.TryGetValue(idOrName, out var id)) return _folders[id];
        throw GraphException.ItemNotFound();
    }

    private MailFolder AddFolderLocked(string idOrWellKnown, string displayName, string? parentId, string? wellKnownName, bool isHidden = false)
    {
        var id = wellKnownName is null ? idOrWellKnown : GraphIds.NewFolderId();
        var folder = new MailFolder(id, displayName, parentId, wellKnownName, isHidden);
        _folders.Add(id, folder);
        _byFolder.Add(id, new Dictionary<string, StoredMessage>(StringComparer.Ordinal));
        if (wellKnownName is not null) _wellKnown[wellKnownName] = id;
        return folder;
    }

    private FolderSnapshot SnapshotLocked(MailFolder f)
    {
        var items = _byFolder[f.Id];
        return new FolderSnapshot(f.Id, f.DisplayName, f.ParentFolderId, f.WellKnownName,
            _folders.Values.Count(c => c.ParentFolderId == f.Id), items.Count, items.Values.Count(m => !m.IsRead), f.IsHidden);
    }

    private void PutLocked(StoredMessage message)
    {
        _messages[message.Id] = message;
        _byFolder[message.FolderId][message.Id] = message;
    }

    private void RemoveLocked(StoredMessage message)
    {
        _messages.Remove(message.Id);
        _byFolder[message.FolderId].Remove(message.Id);
        _folders[message.FolderId].Removed.Add((message.Id, ++_sequence));
    }

    private void Raise(StoredMessage m, ChangeType type) =>
        _onChange(new MailboxChange(TenantId, UserId, m.FolderId, m.Id, m.ChangeKey, type));
}
