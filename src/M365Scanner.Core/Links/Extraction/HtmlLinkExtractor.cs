using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom.Events;
using AngleSharp.Html.Parser;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Finds the links of an HTML document: <c>a[href]</c> (<see cref="LinkSource.Anchor"/>), image-map
/// <c>area[href]</c> (<see cref="LinkSource.Area"/>), <c>form[action]</c> and <c>formaction</c> on buttons and inputs
/// (<see cref="LinkSource.FormAction"/>), <c>meta http-equiv=refresh</c> (<see cref="LinkSource.MetaRefresh"/>), and
/// URLs written as visible text outside anchors (<see cref="LinkSource.Text"/>), which mail clients auto-link, and
/// remote images (<c>img[src]</c>, <c>background</c>; <see cref="LinkSource.Image"/>).
/// </summary>
/// <remarks>
/// <para>Parsed with AngleSharp's HTML5 parser (entities decoded, broken markup repaired as a browser would), scripting
/// off, and walked once. Empty hrefs, pure fragments and mailto:, cid: and tel: targets are skipped; data: and
/// javascript: targets are reported (the resolver classifies them), data: URLs cut to
/// <see cref="HrefRules.MaxDataUrlChars"/> chars with a note.</para>
/// <para>A relative href is resolved against the document's first <c>&lt;base href&gt;</c> when that is an absolute
/// URL, and kept as written otherwise. A resolved link's <see cref="FoundLink.Url"/> is then not the literal
/// attribute value.</para>
/// <para>Safe to call from several threads at once.</para>
/// </remarks>
public sealed class HtmlLinkExtractor
{
    // Only what link extraction reads survives parsing: comments and script text are dropped by the tokenizer,
    // and source positions are not tracked. Scripting stays off, so <noscript> content is parsed as the markup a
    // mail client shows.
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsScripting = false,
        SkipComments = true,
        SkipScriptText = true,
        DisableElementPositionTracking = true,
    };

    // One parser per thread: a parser is cheap to keep but costly to create (it builds a browsing context), and
    // AngleSharp's maintainers describe a context as one browser tab, one page at a time, so a single instance is
    // not shared between threads that parse at the same time.
    [ThreadStatic]
    private static ThreadParser? t_parser;

    private readonly ExtractionLimits _limits;

    /// <summary>Wall-clock budget for parsing one document. AngleSharp's tree builder is quadratic in the number of
    /// open elements, so 200 KB of unclosed &lt;div&gt; tags takes seconds and a few MB would take minutes; past the
    /// budget the links of the part parsed so far are returned with a note. Internal until
    /// <see cref="ExtractionLimits"/> carries an HTML budget beside its PDF one.</summary>
    internal TimeSpan ParseTimeBudget { get; init; } = TimeSpan.FromSeconds(10);

    public HtmlLinkExtractor() : this(ExtractionLimits.Default)
    {
    }

    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public HtmlLinkExtractor(ExtractionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
    }

    /// <summary>Returns the distinct links of <paramref name="html"/> in document order.</summary>
    /// <remarks>Never throws for any string: HTML over <see cref="ExtractionLimits.MaxHtmlChars"/> is read only up to
    /// it, and a document the parser cannot read yields the links found so far; both add a note.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IReadOnlyList<FoundLink> Extract(string html, string origin, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(notes);

        var source = html;
        var maxChars = Math.Max(0, _limits.MaxHtmlChars);
        if (html.Length > maxChars)
        {
            // Never cut a surrogate pair in half: the parser would see a lone surrogate.
            var cut = maxChars > 0 && char.IsHighSurrogate(html[maxChars - 1]) ? maxChars - 1 : maxChars;
            source = html[..cut];
            notes.Add($"html truncated for scanning: {HrefRules.NoteName(origin)}: {html.Length} chars, limit {maxChars}");
        }

        var collector = new HtmlLinkCollector(origin, notes, _limits.MaxLinksPerMessage);
        var parser = t_parser ??= new ThreadParser();
        try
        {
            using var document = parser.Parse(source, ParseTimeBudget, out var timedOut);
            if (timedOut)
                notes.Add($"html read only in part: {HrefRules.NoteName(origin)}: parsing took longer than {ParseTimeBudget.TotalSeconds:0.#} s");
            if (document is not null)
                collector.Walk(document);
        }
        catch (Exception ex)
        {
            // The parser repairs any markup, so this is a bug or a resource limit, not bad input; the message is
            // still scanned with what was found.
            notes.Add($"html could not be read: {HrefRules.NoteName(origin)}: {ex.GetType().Name}: {ex.Message}");
        }
        return collector.Result();
    }

    /// <summary>A parser and the document it is building, so a parse cut short by the time budget still yields the
    /// part of the tree built so far (AngleSharp hands the document out only through its Parsing event).</summary>
    private sealed class ThreadParser
    {
        private readonly HtmlParser _parser = new(ParserOptions);
        private IDocument? _started;

        public ThreadParser() => _parser.Parsing += (_, e) => _started = (e as HtmlParseEvent)?.Document;

        public IDocument? Parse(string source, TimeSpan budget, out bool timedOut)
        {
            _started = null;
            using var cancel = new CancellationTokenSource(budget);
            try
            {
                // The asynchronous entry point is the one that observes cancellation; over an in-memory source it
                // runs synchronously on this thread.
                var document = _parser.ParseDocumentAsync(source, cancel.Token).GetAwaiter().GetResult();
                timedOut = false;
                return document;
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                timedOut = true;
                return _started;
            }
            finally
            {
                _started = null;
            }
        }
    }

    /// <summary>The state of one walk over one document; not shared, so the extractor itself holds none.</summary>
    private sealed class HtmlLinkCollector(string origin, ICollection<string> notes, int maxLinks)
    {
        private static readonly TextLinkExtractor TextLinks = new();

        // Elements whose text a reader does not see as body text (or, for a, sees as the anchor's own text).
        private static readonly HashSet<string> MutingElements = ["a", "script", "style", "head", "title"];

        // Elements that start a new line when rendered, so their text does not run into a neighbour's.
        private static readonly HashSet<string> LineBreakingElements =
            ["br", "p", "div", "li", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"];

        // Visible text kept per link: enough for any domain or sentence a reader compares with the target, and it
        // bounds the work when one anchor wraps a whole page.
        private const int MaxTextChars = 1024;

        private readonly List<(string Url, string? Text, LinkSource Source)> _found = [];
        private readonly StringBuilder _text = new();
        private readonly Stack<Frame> _frames = new();
        private readonly Stack<Frame> _anchorFrames = new(); // the anchor-text walk runs inside the main walk
        private string? _baseHref;

        public void Walk(IDocument document)
        {
            // Pre-order walk with an explicit stack (depth is attacker-controlled, so no recursion) over ChildNodes
            // by index: AngleSharp's NextSibling searches the parent's child list, which makes a sibling walk
            // quadratic on a page of 100,000 paragraphs. A frame is muted inside elements whose text is not body text.
            _frames.Clear();
            _frames.Push(new Frame(document.ChildNodes, 0, Muted: false));
            while (_frames.TryPop(out var frame))
            {
                if (frame.Next >= frame.Nodes.Length)
                    continue;
                var node = frame.Nodes[frame.Next];
                _frames.Push(frame with { Next = frame.Next + 1 });

                var muted = frame.Muted;
                if (node is IElement element)
                {
                    Visit(element);
                    muted |= MutingElements.Contains(element.LocalName);
                }
                else if (node is IText text && !muted)
                {
                    VisitText(text.Data);
                }
                if (node.HasChildNodes)
                    _frames.Push(new Frame(node.ChildNodes, 0, muted));
            }
        }

        private readonly record struct Frame(INodeList Nodes, int Next, bool Muted);

        private void Visit(IElement element)
        {
            switch (element.LocalName)
            {
                case "a":
                    // SVG anchors may still carry the older xlink:href.
                    Add(element.GetAttribute("href") ?? element.GetAttribute("xlink:href"), AnchorText(element),
                        LinkSource.Anchor);
                    break;
                case "area":
                    Add(element.GetAttribute("href"), Collapse(element.GetAttribute("alt")), LinkSource.Area);
                    break;
                case "form":
                    Add(element.GetAttribute("action"), null, LinkSource.FormAction);
                    break;
                case "button" or "input":
                    Add(element.GetAttribute("formaction"), null, LinkSource.FormAction);
                    break;
                case "meta" when IsRefresh(element.GetAttribute("http-equiv")):
                    Add(MetaRefreshContent.Url(element.GetAttribute("content")), null, LinkSource.MetaRefresh);
                    break;
                case "img":
                    AddRemote(element.GetAttribute("src"), Collapse(element.GetAttribute("alt")));
                    break;
                case "body" or "table" or "td" or "th" or "tr":
                    AddRemote(element.GetAttribute("background"), null);
                    break;
                case "base":
                    // The first base with an href sets the base URL for the whole document, links before it included.
                    _baseHref ??= HrefRules.Trim(element.GetAttribute("href"));
                    break;
            }
        }

        private static bool IsRefresh(string? httpEquiv) =>
            httpEquiv is not null && httpEquiv.AsSpan().Trim().Equals("refresh", StringComparison.OrdinalIgnoreCase);

        private void Add(string? raw, string? text, LinkSource source)
        {
            var url = HrefRules.Trim(raw);
            if (url is not null && !HrefRules.IsIgnored(url))
                _found.Add((url, text, source));
        }

        // Remote images are not navigations, but in image-only and QR-code phishing the image is the whole payload,
        // and its host is evidence; data: and cid: images are content of the message itself and are skipped.
        private void AddRemote(string? raw, string? text)
        {
            var url = HrefRules.Trim(raw);
            if (url is not null && (HrefRules.Scheme(url)?.ToLowerInvariant() is "http" or "https" || url.StartsWith("//", StringComparison.Ordinal)))
                _found.Add((url, text, LinkSource.Image));
        }

        private void VisitText(string text)
        {
            // Most text nodes hold no URL; a vectorised search skips them before the regex runs.
            if (!text.Contains("://", StringComparison.Ordinal) && !text.Contains("www.", StringComparison.OrdinalIgnoreCase))
                return;
            foreach (var link in TextLinks.Extract(text, origin))
                _found.Add((link.Url, null, LinkSource.Text));
        }

        // What the reader sees as the anchor: its text, whitespace collapsed; for an image-only anchor, the
        // image's alt text (what screen readers and image-blocking clients show).
        private string? AnchorText(IElement anchor)
        {
            _text.Clear();
            AppendVisibleText(anchor);
            var text = Collapse(_text);
            if (text is not null)
                return text;
            foreach (var image in anchor.GetElementsByTagName("img"))
                if (Collapse(image.GetAttribute("alt")) is { } alt)
                    return alt;
            return null;
        }

        private void AppendVisibleText(IElement root)
        {
            _anchorFrames.Clear();
            _anchorFrames.Push(new Frame(root.ChildNodes, 0, Muted: false));
            while (_text.Length < MaxTextChars && _anchorFrames.TryPop(out var frame))
            {
                if (frame.Next >= frame.Nodes.Length)
                    continue;
                var node = frame.Nodes[frame.Next];
                _anchorFrames.Push(frame with { Next = frame.Next + 1 });

                if (node is IText text)
                    _text.Append(text.Data);
                else if (node is IElement element && element.LocalName is not ("script" or "style"))
                {
                    if (LineBreakingElements.Contains(element.LocalName))
                        _text.Append(' ');
                    if (element.HasChildNodes)
                        _anchorFrames.Push(new Frame(element.ChildNodes, 0, Muted: false));
                }
            }
        }

        private string? Collapse(string? value)
        {
            if (value is null)
                return null;
            _text.Clear().Append(value);
            return Collapse(_text);
        }

        // Whitespace runs (including no-break spaces) become one space and the ends are trimmed. Invisible format
        // characters (zero-width space and joiners, soft hyphen) are removed: phishing text splits "paypal.com"
        // with them so it reads the same but no longer compares equal.
        private static string? Collapse(StringBuilder builder)
        {
            var result = new StringBuilder(builder.Length);
            var pendingSpace = false;
            foreach (var chunk in builder.GetChunks())
            {
                foreach (var c in chunk.Span)
                {
                    if (char.IsWhiteSpace(c))
                        pendingSpace = result.Length > 0;
                    else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
                    {
                        if (pendingSpace)
                            result.Append(' ');
                        pendingSpace = false;
                        result.Append(c);
                    }
                }
            }
            if (result.Length > MaxTextChars)
                result.Length = MaxTextChars;
            return result.Length == 0 ? null : result.ToString();
        }

        public IReadOnlyList<FoundLink> Result()
        {
            var baseUri = AbsoluteBase(_baseHref);
            var links = new List<FoundLink>(_found.Count);
            var seen = new HashSet<FoundLink>();
            foreach (var (raw, text, source) in _found)
            {
                var url = source == LinkSource.Text ? raw : Resolve(raw, baseUri);
                var link = new FoundLink(HrefRules.CapDataUrl(url, origin, notes), text, source, origin);
                if (!seen.Add(link))
                    continue;
                if (links.Count == maxLinks)
                {
                    notes.Add($"links dropped: {HrefRules.NoteName(origin)}: more than {maxLinks} distinct links");
                    break;
                }
                links.Add(link);
            }
            return links;
        }

        private static Uri? AbsoluteBase(string? href) =>
            href is not null && HrefRules.Scheme(href)?.ToLowerInvariant() is "http" or "https" &&
            Uri.TryCreate(href, UriKind.Absolute, out var uri) ? uri : null;

        // Only hrefs without a scheme are relative ("/path", "//host/path", "page.html"); anything with a scheme
        // stays exactly as written.
        private static string Resolve(string url, Uri? baseUri) =>
            baseUri is not null && HrefRules.Scheme(url) is null && Uri.TryCreate(baseUri, url, out var resolved)
                ? resolved.AbsoluteUri
                : url;
    }
}
