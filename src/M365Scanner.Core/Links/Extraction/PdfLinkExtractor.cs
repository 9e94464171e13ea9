using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Util;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Finds the links of a PDF attachment: link annotations (what a reader clicks, <see cref="LinkSource.PdfAnnotation"/>)
/// and URLs written in the page text (<see cref="LinkSource.Text"/>), each with the origin of its page
/// (<see cref="LinkOrigin.Page"/>).
/// </summary>
/// <remarks>
/// <para>Hostile input is the normal case: a PDF that is encrypted, damaged, truncated, over
/// <see cref="ExtractionLimits.MaxPdfPages"/> pages or slower than <see cref="ExtractionLimits.PdfTimeBudget"/>
/// yields what could be read plus a note; <see cref="Extract(ReadOnlyMemory{byte}, string, ICollection{string})"/>
/// never throws for the content of the PDF. A note starts with "pdf could not be read: " when nothing was read,
/// and with "pdf read only in part: " otherwise.</para>
/// <para>Annotations are read from the PDF objects rather than through PdfPig's <c>GetHyperlinks()</c>, which drops
/// links whose rectangle covers no text (the usual full-page image link of a phishing PDF).</para>
/// <para>Thread-safe; meant to be one shared instance, because it counts the parses it had to abandon.</para>
/// </remarks>
public sealed class PdfLinkExtractor : IPdfLinkReader
{
    /// <summary>Abandoned parses still running (PdfPig cannot be cancelled) beyond which new PDFs are refused,
    /// so a burst of slow PDFs ties up a bounded number of threads and memory.</summary>
    internal const int MaxAbandonedParses = 4;

    private const int MaxCoveredTextChars = 1000;
    private const int MaxNoteDetailChars = 160;

    private readonly ExtractionLimits limits;
    private readonly TextLinkExtractor textLinks;
    private readonly Action<int>? beforePage;

    /// <summary>Off only in tests of the defences behind it: reference loops that the raw check cannot see (packed in
    /// object streams) must be caught by the structured walk, and those tests build them in the open.</summary>
    internal bool CheckRawReferenceLoops { get; init; } = true;
    private int abandonedStillRunning;

    public PdfLinkExtractor(ExtractionLimits limits) : this(limits, new TextLinkExtractor())
    {
    }

    public PdfLinkExtractor(ExtractionLimits limits, TextLinkExtractor textLinks) : this(limits, textLinks, null)
    {
    }

    // beforePage is called on the parse thread before each page (1-based): it lets tests make a parse slow at a
    // known point, so the time-budget behaviour is tested without racing the clock.
    internal PdfLinkExtractor(ExtractionLimits limits, TextLinkExtractor textLinks, Action<int>? beforePage)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(textLinks);
        this.limits = limits;
        this.textLinks = textLinks;
        this.beforePage = beforePage;
    }

    /// <summary>Parses abandoned after their time budget that have not finished yet.</summary>
    internal int AbandonedStillRunning => Volatile.Read(ref abandonedStillRunning);

    /// <summary>True when <paramref name="bytes"/> has the <c>%PDF-</c> marker within its first 1024 bytes, which
    /// is where PDF readers look for it (junk before the header is tolerated, as they do).</summary>
    public static bool LooksLikePdf(ReadOnlySpan<byte> bytes) =>
        bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8) >= 0;

    /// <summary>Returns the links of every page up to <see cref="ExtractionLimits.MaxPdfPages"/>, page by page:
    /// the page's annotation links, then the URLs in its text that no annotation of that page already gave.</summary>
    /// <param name="pdf">The attachment's bytes. They are read, never changed, and may still be read by an abandoned
    /// parse after this method returns.</param>
    /// <param name="attachmentOrigin">The attachment's origin (<see cref="LinkOrigin.Attachment"/>); pages append to it.</param>
    /// <param name="notes">Receives a note for everything that could not be read.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="attachmentOrigin"/> or <paramref name="notes"/> is null.</exception>
    public IReadOnlyList<FoundLink> Extract(ReadOnlyMemory<byte> pdf, string attachmentOrigin, ICollection<string> notes) =>
        Extract(pdf, attachmentOrigin, notes, []);

    /// <summary>As <see cref="Extract(ReadOnlyMemory{byte}, string, ICollection{string})"/>, also trying
    /// <paramref name="passwords"/> on an encrypted PDF (phishing mails often print the PDF's password in the body).
    /// The empty password is always tried.</summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public IReadOnlyList<FoundLink> Extract(ReadOnlyMemory<byte> pdf, string attachmentOrigin, ICollection<string> notes,
        IReadOnlyList<string> passwords)
    {
        ArgumentNullException.ThrowIfNull(attachmentOrigin);
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(passwords);

        var name = LinkOrigin.NameInNotes(attachmentOrigin);
        if (!LooksLikePdf(pdf.Span))
        {
            notes.Add($"pdf could not be read: {name}: not a PDF (no %PDF- header)");
            return [];
        }
        if (pdf.Length > limits.MaxAttachmentBytes)
        {
            notes.Add($"pdf could not be read: {name}: {pdf.Length} bytes, over the limit of {limits.MaxAttachmentBytes}");
            return [];
        }
        if (Volatile.Read(ref abandonedStillRunning) >= MaxAbandonedParses)
        {
            notes.Add($"pdf could not be read: {name}: skipped, {MaxAbandonedParses} earlier PDFs that overran " +
                      "the time budget are still being parsed");
            return [];
        }

        var run = new Run(name);
        var passwordList = passwords.ToList();
        var budget = limits.PdfTimeBudget;
        if (budget == Timeout.InfiniteTimeSpan)
        {
            Read(pdf, attachmentOrigin, passwordList, run);
            return run.Finish(notes, abandonedAfter: null);
        }

        // PdfPig has no cancellation, so the parse runs on its own thread and the caller waits at most the budget.
        // On timeout the parse is abandoned, not stopped: it runs to its end (or to the next page boundary, where it
        // checks run.IsAbandoned) and its result is dropped. Its thread is a dedicated one (PdfParseThreads), so a hung
        // parse does not hold a thread-pool thread, and at most MaxAbandonedParses of them may be outstanding.
        var parse = PdfParseThreads.Shared.Run(() => Read(pdf, attachmentOrigin, passwordList, run));
        bool finished;
        try
        {
            finished = parse.Wait(budget);
        }
        catch (AggregateException e)
        {
            // Read catches per document and per page; this is only for what escapes it.
            run.Note($"pdf could not be read: {name}: {Describe(e.InnerException ?? e)}");
            finished = true;
        }
        if (finished || parse.IsCompleted)
            return run.Finish(notes, abandonedAfter: null);

        run.Abandon();
        Interlocked.Increment(ref abandonedStillRunning);
        parse.ContinueWith(_ => Interlocked.Decrement(ref abandonedStillRunning), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return run.Finish(notes, abandonedAfter: budget);
    }

    private void Read(ReadOnlyMemory<byte> pdf, string origin, List<string> passwords, Run run)
    {
        var budget = new PdfDecodeBudget(limits.MaxPdfStreamBytes, limits.MaxPdfDecodedBytes);
        var filters = new MeteredFilterProvider(budget);
        var options = new ParsingOptions
        {
            UseLenientParsing = true, // recovers from broken xref tables and offsets by scanning for objects
            SkipMissingFonts = true,  // a page with a broken font still yields its other text and its annotations
            FilterProvider = filters,
        };
        options.Passwords.AddRange(passwords);

        if (CheckRawReferenceLoops && PdfPreflight.Refuse(pdf.Span) is { } runaway)
        {
            RecoverByRawScan(pdf, origin, run, $"{runaway}, the file was not parsed");
            return;
        }

        PdfDocument document;
        try
        {
            document = PdfDocument.Open(pdf, options);
        }
        catch (PdfDocumentEncryptedException)
        {
            run.Note($"pdf could not be read: {run.Name}: encrypted");
            return;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            RecoverByRawScan(pdf, origin, run, budget.Exceeded ?? Describe(e));
            return;
        }

        if (PdfStructureCheck.Damage(pdf.Span) is { } damage)
            run.Note($"pdf damaged: {run.Name}: {damage}; read after repair, links may be missing");

        using (document)
        {
            int pageCount;
            try
            {
                pageCount = document.NumberOfPages;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                run.Note($"pdf could not be read: {run.Name}: page tree unreadable ({budget.Exceeded ?? Describe(e)})");
                return;
            }
            if (pageCount > limits.MaxPdfPages)
                run.Note($"pdf read only in part: {run.Name}: {pageCount} pages, only the first {limits.MaxPdfPages} were read");

            document.AddPageFactory<PdfLetterPage, PdfLetterPageFactory>();
            var objects = new PdfObjects(document.Structure.TokenScanner, keptStreamBytes: pdf.Length);
            // Our own walk of the page tree: each page is priced from its dictionary before PdfPig renders it.
            var (pageTree, treeLoops, plainTree) = PdfPageTree.Leaves(document.Structure.Catalog.CatalogDictionary, objects, limits.MaxPdfPages);
            if (treeLoops)
                run.Note($"pdf read only in part: {run.Name}: the page tree loops (a node reached twice or a reference cycle); " +
                         "pages were not rendered, only their link annotations were read");
            var references = new PdfPageReferences(objects);
            var pricing = new PdfPageCost(objects, filters, limits);
            var cyclesNoted = 0;
            for (var n = 1; n <= Math.Min(pageCount, limits.MaxPdfPages) && !run.IsAbandoned; n++)
            {
                beforePage?.Invoke(n);
                if (run.IsAbandoned)
                    break;
                var pageOrigin = LinkOrigin.Page(origin, n);
                var leaf = n <= pageTree.Count ? pageTree[n - 1] : null;
                if (leaf is null)
                {
                    run.Note($"pdf read only in part: {run.Name}: page {n} is not in the page tree as PdfPig counts it, it was not read");
                    run.AddPage([]);
                    continue;
                }
                var (why, mayShowText) = treeLoops ? (null, false)
                    : references.Problem(leaf) is { } problem ? (problem, true)
                    : Price(pricing, leaf, objects);
                if (treeLoops)
                {
                    run.AddPage(ReadPage(leaf, null, objects, pageOrigin, run));
                }
                else if (why is not null)
                {
                    run.Note($"pdf read only in part: {run.Name}: page {n} {why}, only its link annotations were read");
                    run.AddPage(ReadPage(leaf, null, objects, pageOrigin, run));
                }
                else if (!mayShowText && plainTree)
                {
                    // No operator of the page or of a form it draws shows text, so PdfPig would build no letters:
                    // rendering it (fonts, glyphs) would cost most of the read to learn nothing. Only in a plain tree is
                    // the leaf priced surely the page PdfPig would render.
                    run.AddPage(ReadPage(leaf, null, objects, pageOrigin, run));
                }
                else
                {
                    try
                    {
                        var page = document.GetPage<PdfLetterPage>(n);
                        run.AddPage(ReadPage(page.Dictionary, page.Letters, objects, pageOrigin, run));
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        // The page's content could not be parsed; its annotations live in the page dictionary and may
                        // still be readable without it.
                        run.Note($"pdf read only in part: {run.Name}: page {n} could not be parsed, only its link annotations " +
                                 $"were read: {budget.Exceeded ?? Describe(e)}");
                        run.AddPage(ReadPage(leaf, null, objects, pageOrigin, run));
                    }
                }
                if (objects.Cycles > cyclesNoted)
                {
                    run.Note($"pdf read only in part: {run.Name}: {objects.Cycles - cyclesNoted} reference(s) read up to page {n} " +
                             "loop back on themselves (a reference cycle); what they point to was not read");
                    cyclesNoted = objects.Cycles;
                }
                if (budget.Exceeded is { } over)
                {
                    // A refused stream may have been an object (an annotation in an object stream) that lookups then
                    // treated as absent; and every later stream would be refused too. Said once, and reading stops.
                    run.Note($"pdf read only in part: {run.Name}: {over}; what it held, and any page after {n}, was not read");
                    break;
                }
            }
        }
    }

    // Why the page must not be rendered (null when it is within its budgets), and whether rendering it may find text.
    private (string? Why, bool MayShowText) Price(PdfPageCost pricing, DictionaryToken leaf, PdfObjects objects)
    {
        try
        {
            var (operators, mayShowText) = pricing.Of(leaf, PdfPageTree.ResourcesOf(leaf, objects));
            return operators > limits.MaxPdfOperatorsPerPage
                ? ($"runs more than {limits.MaxPdfOperatorsPerPage:N0} drawing operators (forms counted each time they are drawn, " +
                   $"at most {limits.MaxPdfFormDepth} deep and never drawing themselves)", true)
                : (null, mayShowText);
        }
        catch (PdfBudgetExceededException e)
        {
            return ($"was not rendered: {e.Message}", true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ($"could not be priced ({Describe(e)})", true);
        }
    }

    // PdfPig could not open the file at all (truncated, no usable cross-reference). Readers repair such files and
    // still show their links, so the URI actions are recovered from the bytes, without pages or covered text.
    private static void RecoverByRawScan(ReadOnlyMemory<byte> pdf, string origin, Run run, string reason)
    {
        List<string> uris;
        try
        {
            uris = PdfRawUriScanner.Scan(pdf.Span);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            uris = [];
        }
        if (uris.Count == 0)
        {
            run.Note($"pdf could not be read: {run.Name}: {reason}");
            return;
        }
        run.Note($"pdf read only in part: {run.Name}: {reason}; {uris.Count} link URIs recovered from the raw bytes, " +
                 "without page numbers or link text");
        run.AddPage(uris.Distinct(StringComparer.Ordinal)
            .Select(uri => new FoundLink(uri, null, LinkSource.PdfAnnotation, origin)).ToList());
    }

    // letters is null when the page was not rendered (only its annotations are read).
    private List<FoundLink> ReadPage(DictionaryToken pageDictionary, IReadOnlyList<Letter>? letters, PdfObjects objects, string origin, Run run)
    {
        var found = new List<FoundLink>();

        List<PdfAnnotationTarget> targets;
        try
        {
            targets = PdfAnnotationReader.Read(pageDictionary, objects, out var notRead);
            if (notRead > 0)
                run.Note($"pdf read only in part: {run.Name}: {origin} has {PdfAnnotationReader.MaxAnnotationsPerPage + notRead} " +
                         $"annotations, the {notRead} after the first {PdfAnnotationReader.MaxAnnotationsPerPage} were not read");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            run.Note($"pdf read only in part: {run.Name}: annotations of {origin} unreadable: {Describe(e)}");
            targets = [];
        }

        IReadOnlyList<Word> words = [];
        if (letters is not null)
        {
            try
            {
                words = DefaultWordExtractor.Instance.GetWords(letters).ToList();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                run.Note($"pdf read only in part: {run.Name}: text of {origin} unreadable: {Describe(e)}");
            }
        }

        var seen = new HashSet<(string, string?)>();
        var annotationKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in targets)
        {
            var text = target.Rectangle is { } rect ? CoveredText(words, rect) : null;
            if (seen.Add((target.Url, text)))
                found.Add(new FoundLink(target.Url, text, LinkSource.PdfAnnotation, origin));
            annotationKeys.Add(DuplicateKey(target.Url));
        }

        if (words.Count > 0)
        {
            // Words joined by spaces in the order PdfPig groups them, not page.Text, which runs the last word of one
            // line into the first of the next ("http://a.example/xThanks").
            var pageText = string.Join(' ', words.Select(w => w.Text));
            foreach (var link in textLinks.Extract(pageText, origin))
                if (!annotationKeys.Contains(DuplicateKey(link.Url)) && seen.Add((link.Url, null)))
                    found.Add(link);
        }
        return found;
    }

    // The letters whose centre lies in the link rectangle, word by word.
    private static string? CoveredText(IReadOnlyList<Word> words, PdfRectangle rect)
    {
        var text = new StringBuilder();
        foreach (var word in words)
        {
            var box = word.BoundingBox;
            if (box.Right < rect.Left || box.Left > rect.Right || box.Top < rect.Bottom || box.Bottom > rect.Top)
                continue;
            var before = text.Length;
            foreach (var letter in word.Letters)
            {
                var c = letter.BoundingBox.Centroid;
                if (c.X >= rect.Left && c.X <= rect.Right && c.Y >= rect.Bottom && c.Y <= rect.Top)
                {
                    if (text.Length == before && before > 0)
                        text.Append(' ');
                    text.Append(letter.Value);
                }
            }
            if (text.Length >= MaxCoveredTextChars)
                break;
        }
        var covered = text.ToString().Trim();
        return covered.Length == 0 ? null : covered[..Math.Min(covered.Length, MaxCoveredTextChars)];
    }

    // "www.a.example" written on the page and an annotation to "https://www.a.example/" are one link.
    private static string DuplicateKey(string url)
    {
        var span = url.AsSpan();
        var scheme = span.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && (span[..scheme].Equals("http", StringComparison.OrdinalIgnoreCase) ||
                           span[..scheme].Equals("https", StringComparison.OrdinalIgnoreCase)))
            span = span[(scheme + 3)..];
        return span.TrimEnd('/').ToString();
    }


    private static string Describe(Exception e)
    {
        var kind = e switch
        {
            PdfDocumentFormatException => "damaged",
            PdfDocumentEncryptedException => "encrypted",
            _ => "unreadable",
        };
        var message = e.Message.ReplaceLineEndings(" ");
        if (message.Length > MaxNoteDetailChars)
            message = message[..MaxNoteDetailChars] + "...";
        return $"{kind} ({e.GetType().Name}: {message})";
    }

    /// <summary>What one parse has found so far. Shared by the parse thread and the caller, under a lock, so that
    /// a parse abandoned mid-way still hands over the pages it finished.</summary>
    private sealed class Run(string name)
    {
        private readonly Lock gate = new();
        private readonly List<FoundLink> links = [];
        private readonly List<string> notes = [];
        private int pagesRead;
        private volatile bool abandoned;

        public string Name { get; } = name;

        public bool IsAbandoned => abandoned;

        public void Abandon() => abandoned = true;

        public void AddPage(List<FoundLink> pageLinks)
        {
            lock (gate)
            {
                if (abandoned)
                    return;
                links.AddRange(pageLinks);
                pagesRead++;
            }
        }

        public void Note(string note)
        {
            lock (gate)
            {
                if (!abandoned)
                    notes.Add(note);
            }
        }

        public IReadOnlyList<FoundLink> Finish(ICollection<string> callerNotes, TimeSpan? abandonedAfter)
        {
            lock (gate)
            {
                foreach (var note in notes)
                    callerNotes.Add(note);
                if (abandonedAfter is { } budget)
                {
                    var seconds = budget.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                    callerNotes.Add(pagesRead == 0
                        ? $"pdf could not be read: {Name}: took longer than the time budget of {seconds} s"
                        : $"pdf read only in part: {Name}: took longer than the time budget of {seconds} s, " +
                          $"only the first {pagesRead} pages were read");
                }
                return links.ToList();
            }
        }
    }
}
