using System.Net;

namespace M365Scanner.Graph.Clients;

/// <summary>A response body passed through unbuffered that gives its mailbox's concurrency slot back once, when it
/// has been read to its end or disposed, whichever comes first: the service counts a request until its answer is
/// complete, so the slot is held exactly as long as a buffered body would hold it, without the body in memory.</summary>
internal sealed class SlotReleasingContent : HttpContent
{
    private readonly HttpContent _inner;
    private Action? _release;

    public SlotReleasingContent(HttpContent inner, Action release)
    {
        _inner = inner;
        _release = release;
        foreach (var header in inner.Headers)
            Headers.TryAddWithoutValidation(header.Key, header.Value);
    }

    private void Release() => Interlocked.Exchange(ref _release, null)?.Invoke();

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new ReleasingStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), Release);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        try
        {
            await _inner.CopyToAsync(stream, context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Release();
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    // The inner content's Content-Length was copied with its headers; nothing else is known without reading.
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            Release();
        }
        base.Dispose(disposing);
    }

    private sealed class ReleasingStream(Stream inner, Action release) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Ended(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Ended(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Ended(int read)
        {
            if (read == 0) release();
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                release();
            }
            base.Dispose(disposing);
        }
    }
}
