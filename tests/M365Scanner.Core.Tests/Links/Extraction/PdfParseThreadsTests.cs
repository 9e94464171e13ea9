using M365Scanner.Core.Links.Extraction;

namespace M365Scanner.Core.Tests.Links.Extraction;

public class PdfParseThreadsTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public void Run_OneParseAfterAnother_UsesOneThread()
    {
        var threads = new PdfParseThreads();
        var ran = new HashSet<int>();
        for (var i = 0; i < 20; i++)
            Assert.True(threads.Run(() => ran.Add(Environment.CurrentManagedThreadId)).Wait(Deadline));

        Assert.Equal(1, threads.Started);
        Assert.Single(ran);
    }

    [Fact]
    public void Run_WhileAParseHangs_RunsTheNextOnAnotherThread()
    {
        var threads = new PdfParseThreads();
        using var release = new ManualResetEventSlim();
        var hung = threads.Run(() => release.Wait(Deadline));
        try
        {
            Assert.True(threads.Run(() => { }).Wait(Deadline));
            Assert.False(hung.IsCompleted);
            Assert.Equal(2, threads.Started);
        }
        finally
        {
            release.Set();
        }
        Assert.True(hung.Wait(Deadline));

        // Both threads are idle again: two parses at once start no third.
        using var both = new CountdownEvent(2);
        var first = threads.Run(() => { both.Signal(); both.Wait(Deadline); });
        var second = threads.Run(() => { both.Signal(); both.Wait(Deadline); });
        Assert.True(Task.WaitAll([first, second], Deadline));
        Assert.Equal(2, threads.Started);
    }

    [Fact]
    public void Run_WhenTheParseThrows_FaultsItsTask_AndTheThreadServesOn()
    {
        var threads = new PdfParseThreads();
        var failed = threads.Run(() => throw new InvalidOperationException("broken"));

        var thrown = Assert.Throws<AggregateException>(() => failed.Wait(Deadline));
        Assert.Equal("broken", Assert.IsType<InvalidOperationException>(thrown.InnerException).Message);
        Assert.True(threads.Run(() => { }).Wait(Deadline));
        Assert.Equal(1, threads.Started);
    }

    private static readonly AsyncLocal<string?> Ambient = new();

    [Fact]
    public void Run_RunsEachParseInItsOwnCallersContext()
    {
        var threads = new PdfParseThreads();
        Ambient.Value = "first caller";
        Assert.True(threads.Run(() => { }).Wait(Deadline));
        Ambient.Value = "second caller";
        string? seen = null;
        Assert.True(threads.Run(() => seen = Ambient.Value).Wait(Deadline));

        Assert.Equal(1, threads.Started);
        Assert.Equal("second caller", seen);
    }
}
