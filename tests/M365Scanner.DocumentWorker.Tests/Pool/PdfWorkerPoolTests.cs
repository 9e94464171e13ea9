using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Tests.TestSupport;
using M365Scanner.DocumentWorker.Tests.TestSupport;
using M365Scanner.DocumentWorker.Worker;
using Microsoft.Extensions.Logging;

namespace M365Scanner.DocumentWorker.Tests.Pool;

public class PdfWorkerPoolTests
{
    private const string Benign = "Single-Page-Hyperlinks---from-open-office.pdf";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    // A hanging document is stopped after this; the document read next, on a fresh worker, must fit in it too, so it
    // is far above what a cold worker takes on a loaded 2-core machine (1-3 s), and the test costs that much time.
    private static readonly TimeSpan ShortBudget = TimeSpan.FromSeconds(10);

    private static byte[] BenignPdf() => File.ReadAllBytes(SharedData.PathOf("pdf-benign", Benign));

    private static (IReadOnlyList<FoundLink> Links, List<string> Notes) Read(IPdfLinkReader reader, byte[] pdf, string name)
    {
        var notes = new List<string>();
        var links = reader.Extract(pdf, LinkOrigin.Attachment(name), notes, []);
        return (links, notes);
    }

    private static void AssertBenignLinks(IReadOnlyList<FoundLink> links)
    {
        var hosts = links.Select(l => new Uri(l.Url).Host).ToList();
        Assert.Contains(hosts, h => h.EndsWith("duckduckgo.com", StringComparison.Ordinal));
        Assert.Contains(hosts, h => h.EndsWith("github.com", StringComparison.Ordinal));
    }

    private static Task<(IReadOnlyList<FoundLink> Links, List<string> Notes)> ReadInBackground(IPdfLinkReader reader, byte[] pdf, string name) =>
        Task.Factory.StartNew(() => Read(reader, pdf, name), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    [Fact]
    public void Extract_ReturnsWhatTheInProcessReaderReturns_ForEveryBenignPdf()
    {
        using var pool = TestPool.Create(workers: 2);
        var inProcess = new PdfLinkExtractor(new ExtractionLimits { PdfTimeBudget = Timeout.InfiniteTimeSpan });

        foreach (var path in Directory.GetFiles(SharedData.PathOf("pdf-benign"), "*.pdf").Order(StringComparer.Ordinal))
        {
            var pdf = File.ReadAllBytes(path);
            var expected = Read(inProcess, pdf, Path.GetFileName(path));
            var actual = Read(pool, pdf, Path.GetFileName(path));
            Assert.Equal(expected.Links, actual.Links);
            Assert.Equal(expected.Notes, actual.Notes);
        }
        Assert.Equal(1, pool.WorkersStarted); // one document at a time: the first worker is reused for every one
    }

    [Fact]
    public void Extract_NotesTheDeathAndReadsTheNextPdfOnAFreshWorker_WhenAPdfOverflowsTheStack()
    {
        var logger = new RecordingLogger();
        using var pool = TestPool.Create(workers: 1, logger: logger);

        var killed = Read(pool, WorkerKillingPdf.Build(), "cycle.pdf");
        var next = Read(pool, BenignPdf(), Benign);

        Assert.Empty(killed.Links);
        var note = Assert.Single(killed.Notes);
        Assert.Matches(@"^pdf could not be read: cycle\.pdf: its parse worker died \(exit code \d+\)$", note);
        if (OperatingSystem.IsLinux())
            Assert.EndsWith("(exit code 134)", note); // SIGABRT: the runtime's answer to a stack overflow
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(note, StringComparison.Ordinal));
        AssertBenignLinks(next.Links);
        Assert.Empty(next.Notes);
        Assert.Equal(2, pool.WorkersStarted);
    }

    [Fact]
    public void Extract_StopsTheWorkerAfterTheTimeBudget_AndTheNextPdfIsRead()
    {
        using var pool = TestPool.Create(workers: 1, budget: ShortBudget);

        var hung = Read(pool, FaultyPdf.With(TestFaults.Hang), "slow.pdf");
        var next = Read(pool, BenignPdf(), Benign);

        Assert.Empty(hung.Links);
        Assert.Equal(["pdf could not be read: slow.pdf: its parse worker was stopped after the time budget of 10 s"], hung.Notes);
        AssertBenignLinks(next.Links);
    }

    [Fact]
    public async Task Extract_ReadsABenignPdf_WhileTwoDocumentsHangInAPoolOfThree()
    {
        var pool = TestPool.Create(workers: 3);
        Task<(IReadOnlyList<FoundLink> Links, List<string> Notes)>[] hanging;
        try
        {
            hanging = [ReadInBackground(pool, FaultyPdf.With(TestFaults.Hang), "hang-1.pdf"),
                       ReadInBackground(pool, FaultyPdf.With(TestFaults.Hang), "hang-2.pdf")];
            TestPool.WaitUntil(() => pool.DocumentsInFlight == 2, Deadline, "both hanging documents are in their workers");

            var benign = Read(pool, BenignPdf(), Benign);

            AssertBenignLinks(benign.Links);
            Assert.Empty(benign.Notes);
            Assert.All(hanging, t => Assert.False(t.IsCompleted));
        }
        finally
        {
            pool.Dispose();
        }
        // Disposing the pool is what ends them: their workers are killed and they learn the pool is gone.
        foreach (var task in hanging)
            await Assert.ThrowsAsync<ObjectDisposedException>(() => task.WaitAsync(Deadline));
    }

    [Fact]
    public async Task Extract_WaitsForABusyWorker_AndItsWaitDoesNotCountAgainstItsBudget()
    {
        // One worker, held by a document that hangs until its budget ends; the second document waits its turn, as
        // long as a whole budget, and still gets a full budget of its own once it is handed over: were the wait
        // counted, it would be stopped the moment it reached the worker.
        using var pool = TestPool.Create(workers: 1, budget: ShortBudget);
        var hung = ReadInBackground(pool, FaultyPdf.With(TestFaults.Hang), "slow.pdf");
        TestPool.WaitUntil(() => pool.DocumentsInFlight == 1, Deadline, "the hanging document is in the only worker");

        var waited = Read(pool, BenignPdf(), Benign);

        var (_, hungNotes) = await hung.WaitAsync(Deadline);
        Assert.Equal(["pdf could not be read: slow.pdf: its parse worker was stopped after the time budget of 10 s"], hungNotes);
        AssertBenignLinks(waited.Links);
        Assert.Empty(waited.Notes);
    }

    [Theory]
    [InlineData(TestFaults.AllocateNative)]  // invisible to the GC heap limit: the pool's resident-memory watch
    [InlineData(TestFaults.AllocateManaged)] // the GC heap limit, or the watch, whichever comes first
    public void Extract_StopsTheWorkerOverTheMemoryCeiling_AndTheNextPdfIsRead(string fault)
    {
        using var pool = TestPool.Create(workers: 1, memoryLimitMiB: 256);

        var hog = Read(pool, FaultyPdf.With(fault), "hog.pdf");
        var next = Read(pool, BenignPdf(), Benign);

        Assert.Empty(hog.Links);
        Assert.Equal(["pdf could not be read: hog.pdf: its parse worker was stopped over the memory ceiling of 256 MiB"], hog.Notes);
        AssertBenignLinks(next.Links);
    }

    [Fact]
    public async Task Dispose_EndsTheDocumentInFlightAndThoseWaiting()
    {
        var pool = TestPool.Create(workers: 1);
        var inWorker = ReadInBackground(pool, FaultyPdf.With(TestFaults.Hang), "hang.pdf");
        TestPool.WaitUntil(() => pool.DocumentsInFlight == 1, Deadline, "the hanging document is in the only worker");
        var waiting = ReadInBackground(pool, BenignPdf(), Benign);

        pool.Dispose();

        foreach (var task in new[] { inWorker, waiting })
            await Assert.ThrowsAsync<ObjectDisposedException>(() => task.WaitAsync(Deadline));
        Assert.Throws<ObjectDisposedException>(() => Read(pool, BenignPdf(), Benign));
    }

    [Fact]
    public void Extract_KeepsPageOriginsAndLinkText_AcrossTheProcessBoundary()
    {
        using var pool = TestPool.Create(workers: 1);
        var pdf = MinimalPdf.Build(new MinimalPage(["Open the invoice now"], [MinimalPdf.UriLink("https://files.example/inv")]));

        var (links, _) = Read(pool, pdf, "invoice.pdf");

        var link = Assert.Single(links);
        Assert.Equal(new FoundLink("https://files.example/inv", link.Text, LinkSource.PdfAnnotation, "attachment:invoice.pdf/page 1"), link);
        Assert.StartsWith("Open the invoice", link.Text);
    }
}
