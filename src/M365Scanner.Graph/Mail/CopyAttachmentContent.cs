namespace M365Scanner.Graph.Mail;

/// <summary>One attachment's bytes for a received copy: in memory when scanning already read them, or spooled to a
/// temporary file when they were over the scan cap (up to Graph's 150 MB), so that a copy holds at most one upload range
/// of such an attachment in memory, not the whole of it. The file has no name once created on Unix (its bytes go with the
/// handle, even if the process dies) and is deleted on dispose, or by the system if the process dies, on Windows.</summary>
internal sealed class CopyAttachmentContent : IDisposable
{
    private readonly byte[]? _bytes;
    private readonly FileStream? _spool;

    private CopyAttachmentContent(byte[]? bytes, FileStream? spool)
    {
        _bytes = bytes;
        _spool = spool;
    }

    public static CopyAttachmentContent InMemory(byte[] bytes) => new(bytes, null);

    public long Length => _bytes?.Length ?? _spool!.Length;

    /// <summary>Reads the attachment's /$value into a file of <paramref name="directory"/>, streamed: at most Graph's
    /// largest attachment (150 MB) is taken, and never more than one chunk is in memory.</summary>
    /// <exception cref="InvalidOperationException">The attachment is larger than Graph lets any attachment be.</exception>
    public static async Task<CopyAttachmentContent> SpoolAsync(Stream body, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"m365scanner-copy-{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 81920,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
        };
        // A customer's attachment: not readable by other accounts of the host while it has a name.
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var spool = new FileStream(path, options);
        try
        {
            // Unix honours DeleteOnClose only on dispose, so a process killed first (OOM, a redeploy's SIGKILL) left the
            // attachment on disk for good; unlinked now, the bytes live exactly as long as the handle.
            if (!OperatingSystem.IsWindows())
                File.Delete(path);
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (spool.Length + read > CopyAttachmentPlan.MaxUploadBytes)
                    throw new InvalidOperationException($"The attachment is over {CopyAttachmentPlan.MaxUploadBytes:N0} bytes, more than Graph accepts.");
                await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
            spool.Position = 0;
            return new CopyAttachmentContent(null, spool);
        }
        catch
        {
            await spool.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The bytes in memory: for an attachment small enough to travel in a request body (a spooled one is read
    /// from its file here, which the copy plan only asks of attachments under 3 MB).</summary>
    public byte[] ToArray()
    {
        if (_bytes is not null) return _bytes;
        var bytes = new byte[_spool!.Length];
        _spool.Position = 0;
        _spool.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>A stream over the bytes from the start, for an upload session's ranges; the caller does not own it.</summary>
    public Stream OpenRead()
    {
        if (_bytes is not null) return new MemoryStream(_bytes, writable: false);
        _spool!.Position = 0;
        return _spool;
    }

    public void Dispose() => _spool?.Dispose();
}
