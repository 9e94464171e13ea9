using M365Scanner.Graph.Mail;
using M365Scanner.Graph.Tests.TestSupport;

namespace M365Scanner.Graph.Tests.Mail;

public sealed class CopyAttachmentContentTests : IDisposable
{
    private readonly string _spool = Path.Combine(Path.GetTempPath(), "m365scanner-spool-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Spool_GivesTheBytesBack_ThenDeletesItsFile()
    {
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();

        using (var content = await CopyAttachmentContent.SpoolAsync(new MemoryStream(bytes), _spool, CancellationToken.None))
        {
            Assert.Equal(bytes.Length, content.Length);
            Assert.Equal(bytes, content.ToArray());
            using var copy = new MemoryStream();
            await content.OpenRead().CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }

        Assert.Empty(Directory.GetFiles(_spool));
    }

    // DeleteOnClose deletes only on dispose where files are unlinked (Unix): a worker killed while holding a spool
    // (OOM, SIGKILL on redeploy) left a customer's attachment on disk for good.
    // Windows deletes a DeleteOnClose file itself when the process dies; there the name stays while it is held.
    [Fact]
    public async Task Spool_WhileHeld_HasNoNameOnDiskThatACrashCouldLeaveBehind()
    {
        if (OperatingSystem.IsWindows()) return;
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 13)).ToArray();

        using var content = await CopyAttachmentContent.SpoolAsync(new MemoryStream(bytes), _spool, CancellationToken.None);

        Assert.Empty(Directory.GetFiles(_spool));
        Assert.Equal(bytes, content.ToArray());
        using var copy = new MemoryStream();
        await content.OpenRead().CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Spool_Cancelled_LeavesNoFile()
    {
        using var cancel = new CancellationTokenSource();
        var body = new CancellingStream(cancel, after: 3);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CopyAttachmentContent.SpoolAsync(body, _spool, cancel.Token));

        Assert.Empty(Directory.GetFiles(_spool));
    }

    [Fact]
    public async Task Spool_OfMoreThanGraphTakes_IsRefusedAndLeavesNoFile()
    {
        var endless = new ZeroStream(CopyAttachmentPlan.MaxUploadBytes + 1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => CopyAttachmentContent.SpoolAsync(endless, _spool, CancellationToken.None));

        Assert.Empty(Directory.GetFiles(_spool));
        Assert.True(endless.Handed <= CopyAttachmentPlan.MaxUploadBytes + 81920, "read on past the limit");
    }

    public void Dispose()
    {
        if (Directory.Exists(_spool)) Directory.Delete(_spool, recursive: true);
    }

    // A body that cancels its reader's token after a few reads, as a shutdown mid-download does.
    private sealed class CancellingStream(CancellationTokenSource cancel, int after) : ForwardOnlyStream
    {
        private int _reads;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (++_reads > after) cancel.Cancel();
            cancel.Token.ThrowIfCancellationRequested();
            Array.Fill(buffer, (byte)1, offset, count);
            return count;
        }
    }

    // A body of zeros of a given length, produced as it is read.
    private sealed class ZeroStream(long length) : ForwardOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Handed);
            Array.Clear(buffer, offset, n);
            Handed += n;
            return n;
        }
    }
}
