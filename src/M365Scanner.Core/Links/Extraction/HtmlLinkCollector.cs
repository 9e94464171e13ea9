using System.Text;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// The state of one pass over one document's tokens for <see cref="HtmlLinkExtractor"/>: links in document order,
/// the open anchors and their text, the text run being read, and whether that text is visible. Not shared, so the
/// extractor itself holds none.
/// </summary>
internal sealed class HtmlLinkCollector(string origin, ICollection<string> notes, int maxLinks)
{
    private static readonly TextLinkExtractor TextLinks = new();

    // Elements that start or end a line when rendered, so the anchor text on either side does not run together.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LineBreakingElements =
        new HashSet<string>(["br", "p", "div", "li", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"])
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly List<(string Url, string? Text, LinkSource Source)> _found = [];
    private readonly OpenTableCells _cells = new();
    private string? _baseHref;

    // The text run since the last tag. Comments do not end it: a reader sees the text on both sides as one.
    private char[] _run = new char[256];
    private int _runLength;

    // True inside script, style and title, whose text is not body text; the tokenizer is then in a raw-text state,
    // so the next tag is always the element's own end tag.
    private bool _muted;

    // Open anchors, innermost last; entries past _openAnchors are kept for reuse. Anchors nest when the inner one
    // is in a table cell inside the outer (a browser then keeps both open); deeper nesting than this is only
    // hostile markup, and the bound keeps the text appended per token constant.
    private const int MaxOpenAnchors = 8;
    private readonly List<Anchor> _anchors = [];
    private int _openAnchors;

    /// <summary>Reads the scanner's current token, and tells it how to read what follows a raw-text element.</summary>
    public void Consume(HtmlScanner scanner)
    {
        switch (scanner.Current)
        {
            case HtmlScanner.Kind.Text:
                if (!_muted)
                    OnText(scanner.Text());
                return;
            case HtmlScanner.Kind.StartTag:
                EndRun();
                OnStartTag(scanner);
                return;
            case HtmlScanner.Kind.EndTag:
                EndRun();
                OnEndTag(scanner.Name);
                return;
        }
    }

    private void OnText(ReadOnlySpan<char> text)
    {
        if (_openAnchors > 0)
        {
            // Whole runs are kept, as in a DOM text node, so leading whitespace cannot push the text past the cap.
            for (var i = 0; i < _openAnchors; i++)
            {
                if (_anchors[i].Text.Length < VisibleText.MaxChars)
                    _anchors[i].Text.Append(text);
            }
            return;
        }
        if (_runLength + text.Length > _run.Length)
            Array.Resize(ref _run, Math.Max(_run.Length * 2, _runLength + text.Length));
        text.CopyTo(_run.AsSpan(_runLength));
        _runLength += text.Length;
    }

    private void OnStartTag(HtmlScanner tag)
    {
        _muted = false;
        var name = tag.Name;
        switch (name)
        {
            case "a":
                // SVG anchors may still carry the older xlink:href.
                OpenAnchor(tag.Attribute("href") ?? tag.Attribute("xlink:href"));
                break;
            case "area":
                Add(tag.Attribute("href"), VisibleText.Collapse(tag.Attribute("alt")), LinkSource.Area);
                break;
            case "form":
                Add(tag.Attribute("action"), null, LinkSource.FormAction);
                break;
            case "button" or "input":
                Add(tag.Attribute("formaction"), null, LinkSource.FormAction);
                // An image button shows its src.
                if (name is "input" && tag.Attribute("type") is { } type && type.Trim().Equals("image", StringComparison.OrdinalIgnoreCase))
                    AddRemote(tag.Attribute("src"), VisibleText.Collapse(tag.Attribute("alt")));
                break;
            case "source":
                // Inside picture, a source's srcset is shown in place of its img's src.
                foreach (var candidate in SrcsetCandidates.Urls(tag.Attribute("srcset")))
                    AddRemote(candidate, null);
                break;
            case "meta" when IsRefresh(tag.Attribute("http-equiv")):
                Add(MetaRefreshContent.Url(tag.Attribute("content")), null, LinkSource.MetaRefresh);
                break;
            case "img" or "image": // the tree builder turns <image> into <img>
                var alt = VisibleText.Collapse(tag.Attribute("alt"));
                AddRemote(tag.Attribute("src"), alt);
                // In SVG an image stays an image and loads its href (xlink:href in older files); which of the two
                // readings a browser takes depends on the tree, so both are kept.
                if (name is "image")
                    AddRemote(tag.Attribute("href") ?? tag.Attribute("xlink:href"), alt);
                foreach (var candidate in SrcsetCandidates.Urls(tag.Attribute("srcset")))
                    AddRemote(candidate, alt);
                for (var i = 0; i < _openAnchors; i++)
                    _anchors[i].Alt ??= alt;
                break;
            case "body":
                AddRemote(tag.Attribute("background"), null);
                break;
            case "table":
                EndedCell(_cells.StartTable());
                AddRemote(tag.Attribute("background"), null);
                break;
            case "td" or "th":
                EndedCell(_cells.StartCell());
                AddRemote(tag.Attribute("background"), null);
                break;
            case "tr":
                EndedCell(_cells.EndCell());
                AddRemote(tag.Attribute("background"), null);
                break;
            case "tbody" or "thead" or "tfoot":
                EndedCell(_cells.EndCell());
                break;
            case "base":
                // The first base with an href sets the base URL for the whole document, links before it included.
                _baseHref ??= HrefRules.Trim(tag.Attribute("href"));
                break;
            // Script, style and title text is not body text (the scanner reads it as text, not markup); textarea,
            // xmp and the iframe, noembed and noframes fallbacks stay visible text, as they were as DOM text nodes.
            case "script" or "style" or "title":
                _muted = true;
                break;
        }
        BreakAnchorLine(name);
    }

    private void OnEndTag(ReadOnlySpan<char> name)
    {
        _muted = false;
        switch (name)
        {
            case "a" when InnermostAnchorIsInCurrentCell():
                // A browser ignores </a> inside a cell when the anchor was opened outside it.
                CloseAnchors(_openAnchors - 1);
                break;
            case "td" or "th" or "tr" or "tbody" or "thead" or "tfoot":
                EndedCell(_cells.EndCell());
                break;
            case "table":
                EndedCell(_cells.EndTable());
                break;
        }
        BreakAnchorLine(name);
    }

    private void BreakAnchorLine(ReadOnlySpan<char> name)
    {
        if (_openAnchors > 0 && LineBreakingElements.Contains(name))
        {
            for (var i = 0; i < _openAnchors; i++)
                _anchors[i].Text.Append(' ');
        }
    }

    private bool InnermostAnchorIsInCurrentCell() => _openAnchors > 0 && _anchors[_openAnchors - 1].Cell == _cells.Current;

    // A cell closes the anchors opened in it, and those nested inside them.
    private void EndedCell(int cell)
    {
        if (cell == 0)
            return;
        for (var i = 0; i < _openAnchors; i++)
        {
            if (_anchors[i].Cell == cell)
            {
                CloseAnchors(i);
                return;
            }
        }
    }

    private void OpenAnchor(string? href)
    {
        // A browser closes an open anchor when the next one starts in the same cell (or both outside any).
        if (InnermostAnchorIsInCurrentCell() || _openAnchors == MaxOpenAnchors)
            CloseAnchors(_openAnchors - 1);
        if (_openAnchors == _anchors.Count)
            _anchors.Add(new Anchor());
        var anchor = _anchors[_openAnchors++];
        var count = _found.Count;
        Add(href, null, LinkSource.Anchor);
        // The link keeps its place in document order; its text is known when the anchor ends.
        anchor.Reset(index: _found.Count > count ? count : -1, _cells.Current);
    }

    // What the reader sees as the anchor: its text, whitespace collapsed; for an image-only anchor, the image's
    // alt text (what screen readers and image-blocking clients show). Closes the anchor at depth and all inside it.
    private void CloseAnchors(int depth)
    {
        while (_openAnchors > depth)
        {
            var anchor = _anchors[--_openAnchors];
            if (anchor.Index >= 0)
                _found[anchor.Index] = _found[anchor.Index] with { Text = VisibleText.Collapse(anchor.Text) ?? anchor.Alt };
        }
    }

    private sealed class Anchor
    {
        public int Index { get; private set; } // in _found; -1 when the href is not a link to report
        public int Cell { get; private set; } // the cell it was opened in (OpenTableCells), 0 when none
        public StringBuilder Text { get; } = new();
        public string? Alt { get; set; }

        public void Reset(int index, int cell)
        {
            Index = index;
            Cell = cell;
            Text.Clear();
            Alt = null;
        }
    }

    // A text run ends at a tag, as a DOM text node does; most runs hold no URL, and a vectorised search skips them
    // before the regex runs.
    private void EndRun()
    {
        if (_runLength == 0)
            return;
        var run = _run.AsSpan(0, _runLength);
        _runLength = 0;
        if (!run.Contains("://", StringComparison.Ordinal) && !run.Contains("www.", StringComparison.OrdinalIgnoreCase))
            return;
        foreach (var link in TextLinks.Extract(run.ToString(), origin))
            _found.Add((link.Url, null, LinkSource.Text));
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

    /// <summary>Ends the document (the last text run, an anchor left open) and returns the distinct links in
    /// document order, relative ones resolved against the base.</summary>
    public IReadOnlyList<FoundLink> Result()
    {
        EndRun();
        CloseAnchors(0);
        var baseUri = HrefRules.AbsoluteBase(_baseHref);
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

    // Only hrefs without a scheme are relative ("/path", "//host/path", "page.html"); anything with a scheme
    // stays exactly as written.
    private static string Resolve(string url, Uri? baseUri) =>
        baseUri is not null && HrefRules.Scheme(url) is null && Uri.TryCreate(baseUri, url, out var resolved)
            ? resolved.AbsoluteUri
            : url;
}
