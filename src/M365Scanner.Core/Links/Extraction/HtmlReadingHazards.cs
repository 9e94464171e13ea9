namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Markup that a browser may read otherwise than <see cref="HtmlScanner"/> does, so that links it shows are not
/// found: the scanner reads script, style, title and the other raw-text elements as text by their name, as the tree
/// builder does in HTML content, but a browser does not everywhere.
/// </summary>
/// <remarks>
/// <para>Three places, each from the standard's tree construction: inside SVG or MathML those elements are markup and
/// <c>&lt;![CDATA[</c> opens a section to <c>]]&gt;</c>; a browser with scripting on (an .html file opened from the
/// message) reads a noscript element's content as text to the first <c>&lt;/noscript</c>; and select content ignores
/// most start tags (style among them) under the rules most browsers still follow. Whether SVG content has ended depends
/// on which HTML elements are open and in scope, which a token reader does not know, and reading the document both ways
/// can be defeated too; so where the two readings can differ after an svg or math start tag (a raw-text element whose
/// content holds a tag, a CDATA section with a '&gt;' before its end) it is not guessed at. It is named: what
/// could not be read surely is a fact against the message, and the policy's fail-safe decides. An iframe's srcdoc, a
/// document in an attribute, is named too.</para>
/// <para>Fed every token in document order; O(1) per token but for a look over the content of a raw-text element it
/// checks, and searches for noscript end tags that never cover the same text twice.</para>
/// </remarks>
internal sealed class HtmlReadingHazards(string origin)
{
    private bool _foreignContent;
    private int _cDataBeforeForeignContent;
    private bool _inSelect;
    // A template inside select: there a browser may ignore a </select> (inside a div of the template, say), and be
    // back in select after </template>. Where it did is the tree builder's to know, so select is taken to last.
    private bool _selectOutlivesItsEndTags;
    private int? _noscriptEnd; // where a browser with scripting on ends the open noscript element
    // With no "</noscript" ahead of one noscript start tag there is none ahead of any later: searching again for each
    // made a document of many noscript start tags quadratic.
    private bool _noNoscriptEndAhead;
    // A raw-text element just opened where a browser may read its content as markup.
    private (HtmlScanner.Content Content, string Element)? _rawTextToCheck;
    private string? _hazard;

    /// <summary>The note for the first hazard met, or null when there was none. (A noscript element with no end tag at
    /// all hides nothing: a browser with scripting on shows nothing after it, this reading shows all of it.)</summary>
    public string? Note => _hazard is null
        ? null
        : $"html read only in part: {HrefRules.NoteName(origin)}: {_hazard}, which browsers read in more than one way; links in it may be missing";

    /// <summary>Reads the scanner's current token, the end of the input included.</summary>
    public void Read(HtmlScanner scanner)
    {
        if (_hazard is not null)
            return;
        if (_noscriptEnd is { } end && scanner.Start >= end)
        {
            // Our reading must meet the noscript end tag exactly where a browser with scripting on does.
            if (scanner.Start > end || scanner.Current != HtmlScanner.Kind.EndTag || !scanner.Name.SequenceEqual("noscript"))
                _hazard = "a noscript element whose end a browser with scripting on finds elsewhere";
            _noscriptEnd = null;
        }
        if (_foreignContent && scanner.CDataSectionsPassedOver > _cDataBeforeForeignContent)
            _hazard ??= "a CDATA section after svg or math content";
        if (_rawTextToCheck is (var content, var element))
        {
            // Content with no tag in it reads the same as text and as markup, and ends at the same end tag: the usual
            // <style> of an SVG icon, CSS only or wrapped in a comment or (from an SVG editor) a CDATA section. A CDATA
            // section is one in SVG or MathML only; inside select a browser reads it as a bogus comment to its first
            // '>'. Script content has escapes of its own, and plaintext no end, so any '<' there is enough.
            if (scanner.Current == HtmlScanner.Kind.Text && scanner.Raw.Contains('<') &&
                (content is not (HtmlScanner.Content.RawText or HtmlScanner.Content.RcData) ||
                 !scanner.ReadsAsTextInMarkup(cDataSections: !_inSelect)))
                _hazard ??= _inSelect && !_foreignContent
                    ? $"markup in a {element} element inside a select element"
                    : $"markup in a {element} element after svg or math content";
            _rawTextToCheck = null;
        }

        switch (scanner.Current)
        {
            case HtmlScanner.Kind.StartTag:
                OnStartTag(scanner);
                break;
            case HtmlScanner.Kind.EndTag when scanner.Name.SequenceEqual("select"):
                _inSelect = _selectOutlivesItsEndTags;
                break;
        }
    }

    private void OnStartTag(HtmlScanner scanner)
    {
        var name = scanner.Name;
        if (name.SequenceEqual("svg") || name.SequenceEqual("math"))
        {
            if (!_foreignContent)
                _cDataBeforeForeignContent = scanner.CDataSectionsPassedOver;
            _foreignContent = true;
            return;
        }
        if (name.SequenceEqual("select"))
        {
            _inSelect = true;
            return;
        }
        if (name.SequenceEqual("template"))
        {
            _selectOutlivesItsEndTags |= _inSelect;
            return;
        }
        if (name.SequenceEqual("noscript"))
        {
            // Each search ends where the next may start only once its end has been passed, so the searches never
            // overlap (but for the end tag's name).
            if (_noscriptEnd is null && !_noNoscriptEndAhead)
            {
                _noscriptEnd = scanner.NextRawEndTag("noscript");
                _noNoscriptEndAhead = _noscriptEnd is null;
            }
            return;
        }
        // A browser shows the srcdoc attribute's value as a document of its own, which this reading does not read.
        if (name.SequenceEqual("iframe") && !string.IsNullOrWhiteSpace(scanner.Attribute("srcdoc")))
            _hazard ??= "an iframe's srcdoc document";
        if (HtmlScanner.TextContentOf(name) is not { } content)
            return;
        if (_foreignContent || (_inSelect && content.Element is not ("script" or "textarea")))
            _rawTextToCheck = content;
    }
}
