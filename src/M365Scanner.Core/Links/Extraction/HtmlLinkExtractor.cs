namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Finds the links of an HTML document: <c>a[href]</c> (<see cref="LinkSource.Anchor"/>), image-map
/// <c>area[href]</c> (<see cref="LinkSource.Area"/>), <c>form[action]</c> and <c>formaction</c> on buttons and inputs
/// (<see cref="LinkSource.FormAction"/>), <c>meta http-equiv=refresh</c> (<see cref="LinkSource.MetaRefresh"/>), and
/// URLs written as visible text outside anchors (<see cref="LinkSource.Text"/>), which mail clients auto-link, and
/// remote images (<c>img[src]</c>, <c>background</c>; <see cref="LinkSource.Image"/>).
/// </summary>
/// <remarks>
/// <para>Read with <see cref="HtmlScanner"/>, an HTML5 tokenizer (entities decoded, script, style and title content
/// read as raw text as a browser reads it), in one linear pass, without building a DOM: a tree builder cost most of
/// the time and is quadratic on unclosed tags. The link rewriter reads with the same tokenizer, so a link found is a
/// link it can rewrite. What the tree builder would repair is approximated where it changes a result: an anchor ends
/// at <c>&lt;/a&gt;</c>, at the next <c>&lt;a&gt;</c>, or with the table cell it was opened in. Where a browser may
/// read the markup otherwise than a token reader can (inside SVG, MathML or select, or with scripting on inside
/// noscript: <see cref="HtmlReadingHazards"/>), the document is named as read only in part, so the policy's
/// fail-safe decides on it.</para>
/// <para>Empty hrefs, pure fragments and mailto:, cid: and tel: targets are skipped; data: and javascript: targets are
/// reported (the resolver classifies them), data: URLs cut to <see cref="HrefRules.MaxDataUrlChars"/> chars with a
/// note.</para>
/// <para>A relative href is resolved against the document's first <c>&lt;base href&gt;</c> when that is an absolute
/// URL, and kept as written otherwise. A resolved link's <see cref="FoundLink.Url"/> is then not the literal
/// attribute value.</para>
/// <para>Safe to call from several threads at once.</para>
/// </remarks>
public sealed class HtmlLinkExtractor
{
    private readonly ExtractionLimits _limits;

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
    /// it, and a document the tokenizer cannot read yields the links found so far; both add a note. Time and memory
    /// are linear in the length read.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IReadOnlyList<FoundLink> Extract(string html, string origin, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(notes);

        var source = html.AsMemory();
        var maxChars = Math.Max(0, _limits.MaxHtmlChars);
        if (html.Length > maxChars)
        {
            // Never cut a surrogate pair in half: the tokenizer would see a lone surrogate.
            var cut = maxChars > 0 && char.IsHighSurrogate(html[maxChars - 1]) ? maxChars - 1 : maxChars;
            source = source[..cut];
            notes.Add($"html truncated for scanning: {HrefRules.NoteName(origin)}: {html.Length} chars, limit {maxChars}");
        }

        var collector = new HtmlLinkCollector(origin, notes, _limits.MaxLinksPerMessage);
        var hazards = new HtmlReadingHazards(origin);
        try
        {
            var scanner = new HtmlScanner(source);
            while (scanner.Read() != HtmlScanner.Kind.EndOfFile)
            {
                collector.Consume(scanner);
                hazards.Read(scanner);
            }
            hazards.Read(scanner);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The scanner accepts any input, so this is a bug, not bad input; the message is still scanned with what
            // was found, and what was not read is named.
            notes.Add($"html could not be read: {HrefRules.NoteName(origin)}: {ex.GetType().Name}: {ex.Message}");
        }
        if (hazards.Note is { } hazard)
            notes.Add(hazard);
        return collector.Result();
    }
}
