using BenchmarkDotNet.Attributes;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.DocumentWorker;
using M365Scanner.DocumentWorker.Pool;
using MimeKit;

namespace M365Scanner.Benchmarks.Extraction;

/// <summary>
/// Link extraction over a whole corpus of shared/data, against MimeKit parsing the same bytes. The product's target:
/// extraction costs no more than 2× what MimeKit alone takes.
/// </summary>
/// <remarks>
/// One operation is the whole corpus, so per-message figures are the mean divided by the message count (printed
/// by <see cref="Setup"/>), and messages/s is its inverse. Each benchmark returns a count so the work cannot be
/// optimised away. The corpus is in memory before timing starts: no disk I/O is measured.
/// <para>Each method runs in a process of its own, so it starts with nothing compiled, and the runtime promotes a
/// method to optimised code only after it has been called 30 times and first-time compilation has paused. A PDF or
/// charset routine is called a few times per pass over a corpus: with 2 warm-up passes the 7 measured ones still
/// fell pass after pass (MimeKit's own parse 181 → 110 ms), so the figures were of a process warming up, not of the
/// long-running host. After 20 warm-up passes they are close to the host's steady state.</para>
/// </remarks>
[SimpleJob(launchCount: 1, warmupCount: 20, iterationCount: 7)]
[MemoryDiagnoser]
[MinColumn, MedianColumn] // on a shared 2-core machine the minimum is the figure least disturbed by other load
public abstract class CorpusExtractionBenchmarks(string folder) : IDisposable
{
    private readonly MessageLinkExtractor _messages = new();
    private readonly MessageLinkExtractor _messagesWithoutPdfs = new(pdf: new NoPdfs());
    private readonly HtmlLinkExtractor _html = new();
    private byte[][] _raw = [];
    private string[] _htmlBodies = [];

    // The host's and scan's path: PDFs read in document worker processes (the host's default pool size).
    private PdfWorkerPool? _workers;
    private MessageLinkExtractor? _messagesThroughWorkers;

    [GlobalSetup]
    public void Setup()
    {
        _raw = MailCorpus.LoadMessages(folder).Select(m => m.Bytes).ToArray();
        _htmlBodies = MailCorpus.ReadMessages(folder)
            .Select(m => m.Message.HtmlBody)
            .Where(html => !string.IsNullOrEmpty(html))
            .ToArray()!;
        Console.WriteLine($"// corpus {folder}: {_raw.Length} messages, {_raw.Sum(b => (long)b.Length)} bytes; " +
                          $"{_htmlBodies.Length} HTML bodies, {_htmlBodies.Sum(h => (long)h.Length)} chars");
        _workers = new PdfWorkerPool(new DocumentWorkerOptions(), ExtractionLimits.Default);
        _messagesThroughWorkers = new MessageLinkExtractor(pdf: _workers);
        Console.WriteLine($"// through workers: {FullExtractionThroughWorkers()} links (started and warmed before timing)");
    }

    [GlobalCleanup]
    public void Dispose() => _workers?.Dispose();

    [Benchmark(Baseline = true)]
    public int MimeKitParseOnly()
    {
        var parts = 0;
        foreach (var bytes in _raw)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            parts += MimeMessage.Load(stream).Headers.Count;
        }
        return parts;
    }

    // The baseline as MimeKit's documentation asks it be used: each message disposed once read. MimeKit's messages and
    // parts have finalizers, so the baseline's undisposed ones make its collections costly; the product disposes its
    // own (EmlReader), and this figure says how much of its lead over the baseline that alone is.
    [Benchmark]
    public int MimeKitParseDisposed()
    {
        var parts = 0;
        foreach (var bytes in _raw)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var message = MimeMessage.Load(stream);
            parts += message.Headers.Count;
        }
        return parts;
    }

    // MimeKit parsing in place from the message's bytes (parts are not copied out), as the product does; the product
    // also disposes each message and keeps one parser per thread (EmlReader), which this does not.
    [Benchmark]
    public int MimeKitParseInPlace()
    {
        var parts = 0;
        foreach (var bytes in _raw)
        {
            using var stream = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);
            parts += MimeMessage.Load(stream, persistent: true).Headers.Count;
        }
        return parts;
    }

    [Benchmark]
    public int ParseAndMap()
    {
        var attachments = 0;
        foreach (var bytes in _raw)
            attachments += MailCorpus.TryRead(bytes)?.Attachments.Count ?? 0;
        return attachments;
    }

    [Benchmark]
    public int HtmlExtractOnly()
    {
        var links = 0;
        foreach (var html in _htmlBodies)
            links += _html.Extract(html, LinkOrigin.Body, new List<string>()).Count;
        return links;
    }

    // Everything but the PDFs, so that what PDF reading adds is this and FullExtraction side by side.
    [Benchmark]
    public int FullExtractionWithoutPdfs()
    {
        var links = 0;
        foreach (var bytes in _raw)
        {
            if (MailCorpus.TryRead(bytes) is { } message)
                links += _messagesWithoutPdfs.Extract(message).Links.Count;
        }
        return links;
    }

    [Benchmark]
    public int FullExtraction()
    {
        var links = 0;
        foreach (var bytes in _raw)
        {
            if (MailCorpus.TryRead(bytes) is { } message)
                links += _messages.Extract(message).Links.Count;
        }
        return links;
    }

    [Benchmark]
    public int FullExtractionThroughWorkers()
    {
        var links = 0;
        foreach (var bytes in _raw)
        {
            if (MailCorpus.TryRead(bytes) is { } message)
                links += _messagesThroughWorkers!.Extract(message).Links.Count;
        }
        return links;
    }
}

/// <summary>Reads no PDF: <see cref="CorpusExtractionBenchmarks.FullExtractionWithoutPdfs"/>.</summary>
internal sealed class NoPdfs : IPdfLinkReader
{
    public IReadOnlyList<FoundLink> Extract(ReadOnlyMemory<byte> pdf, string attachmentOrigin, ICollection<string> notes,
        IReadOnlyList<string> passwords) => [];
}

/// <summary>The phishing samples (shared/data/phishing, 1,307 messages): HTML bodies and 31 PDF attachments.</summary>
public class PhishingExtractionBenchmarks() : CorpusExtractionBenchmarks(MailCorpus.Phishing);

/// <summary>The modern list mail (shared/data/lists, 2,620 messages of 2021-2023): mostly plain text, some HTML.</summary>
public class ListMailExtractionBenchmarks() : CorpusExtractionBenchmarks(MailCorpus.Lists);
