namespace M365Scanner.Graph.Tests.TestSupport;

/// <summary>A response body as the HTTP stack hands it over: read forward only, no length, no seeking, no writing.
/// Tests give it the bodies they need by overriding <see cref="Read(byte[], int, int)"/>.</summary>
public abstract class ForwardOnlyStream : Stream
{
    /// <summary>Bytes handed out so far.</summary>
    public long Handed { get; protected set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
