using System.Buffers;
using System.Text;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Reads an HTML document as the HTML5 tokenizer does, one token at a time: text runs, start tags and end tags, each
/// with its extent in the source. Comments, doctypes and bogus comments are passed over; they neither show nor link.
/// </summary>
/// <remarks>
/// <para>Nothing is copied that is not asked for: a tag's attributes are kept as extents of the source, and a value
/// or a text run is decoded (<see cref="HtmlCharacterReferences"/>) only when read. Text runs are found with a
/// vectorised search for '&lt;', so plain text costs little more than a memory scan.</para>
/// <para>There is no tree builder, but what it would tell the tokenizer is applied: after the start tag of script,
/// style, title, textarea, xmp, iframe, noembed, noframes or plaintext, the content is read as text up to the
/// element's end tag (scripting off, so noscript is markup, as a mail client shows it). Every reader of HTML in the
/// product (the link extractor, the rewriter) thus reads the same tokens.</para>
/// <para>Every character is looked at a bounded number of times, so time is linear in the input; memory is one
/// entry per attribute of the current tag and the decoded text asked for.</para>
/// </remarks>
internal sealed class HtmlScanner(ReadOnlyMemory<char> html)
{
    /// <summary>What the next text is read as, after the start tag of an element whose content is not markup.</summary>
    public enum Content
    {
        Markup,
        RcData,    // title, textarea: text with character references, up to its end tag
        RawText,   // style, xmp, iframe, noembed, noframes: text as written, up to its end tag
        Script,    // script: as raw text, with the script data escapes
        PlainText, // plaintext: everything after it is text
    }

    public enum Kind
    {
        EndOfFile,
        Text,
        StartTag,
        EndTag,
    }

    private readonly record struct RawAttribute(int NameStart, int NameEnd, int ValueStart, int ValueEnd);

    private static readonly SearchValues<char> TagNameEnds = SearchValues.Create(" \t\n\r\f/>");
    private static readonly SearchValues<char> AttributeNameEnds = SearchValues.Create(" \t\n\r\f/>=");
    private static readonly SearchValues<char> UnquotedValueEnds = SearchValues.Create(" \t\n\r\f>");

    private readonly List<RawAttribute> _attributes = [];
    private readonly ArrayBufferWriter<char> _decoded = new();
    private char[] _lowerName = new char[16];
    private int _position;
    private Content _content;
    private string _rawTextElement = "";
    private HtmlCharacterReferences.Context _textContext;

    /// <summary>The kind of the token just read.</summary>
    public Kind Current { get; private set; }

    /// <summary>Where the token just read starts in the source.</summary>
    public int Start { get; private set; }

    /// <summary>Where the token just read ends in the source (exclusive).</summary>
    public int End { get; private set; }

    /// <summary>The raw extent of the current tag's name.</summary>
    private (int Start, int End) _name;

    /// <summary>How many <c>&lt;![CDATA[</c> were read, as in HTML content, as bogus comments to a '&gt;' before their
    /// <c>]]&gt;</c> (inside SVG or MathML a browser reads a CDATA section to <c>]]&gt;</c>).</summary>
    public int CDataSectionsPassedOver { get; private set; }

    /// <summary>Where the first <c>&lt;/name</c> (a tag end after it) lies from the current position on, read as raw
    /// text would read it, whatever markup it is inside; null when there is none.</summary>
    public int? NextRawEndTag(string lowerName)
    {
        var end = RawTextEnd(html.Span, _position, lowerName);
        CharsSearchedForEndTags += end - _position;
        return end < html.Length ? end : null;
    }

    /// <summary>The characters <see cref="NextRawEndTag"/> has searched in all: a caller that searches the same text
    /// twice shows here (a test's measure of work, not of time).</summary>
    internal long CharsSearchedForEndTags { get; private set; }

    /// <summary>Reads the next token; <see cref="Kind.EndOfFile"/> at the end, and on every call after.</summary>
    public Kind Read()
    {
        _attributes.Clear();
        var source = html.Span;
        while (_position < source.Length)
        {
            Start = _position;
            switch (_content)
            {
                case Content.PlainText:
                    return Text(source.Length, HtmlCharacterReferences.Context.RawText);
                case Content.RcData or Content.RawText or Content.Script:
                    var end = _content == Content.Script
                        ? HtmlScriptData.End(source, _position)
                        : RawTextEnd(source, _position, _rawTextElement);
                    var context = _content == Content.RcData ? HtmlCharacterReferences.Context.RcData : HtmlCharacterReferences.Context.RawText;
                    _content = Content.Markup;
                    if (end > _position)
                        return Text(end, context);
                    continue;
            }
            if (ReadMarkup(source) is { } kind)
                return kind;
        }
        Start = End = source.Length;
        return Current = Kind.EndOfFile;
    }

    /// <summary>How the content of an element is read, when it is not markup; null for every other element.</summary>
    public static (Content Content, string Element)? TextContentOf(ReadOnlySpan<char> lowerName) => lowerName switch
    {
        "script" => (Content.Script, "script"),
        "style" => (Content.RawText, "style"),
        "xmp" => (Content.RawText, "xmp"),
        "iframe" => (Content.RawText, "iframe"),
        "noembed" => (Content.RawText, "noembed"),
        "noframes" => (Content.RawText, "noframes"),
        "title" => (Content.RcData, "title"),
        "textarea" => (Content.RcData, "textarea"),
        "plaintext" => (Content.PlainText, "plaintext"),
        _ => null,
    };

    /// <summary>The current tag's name as the tokenizer gives it: ASCII letters in lower case, NUL as U+FFFD. The
    /// span is valid until the next call.</summary>
    public ReadOnlySpan<char> Name
    {
        get
        {
            var raw = html.Span[_name.Start.._name.End];
            if (_name.End - _name.Start > _lowerName.Length)
                _lowerName = new char[raw.Length];
            for (var i = 0; i < raw.Length; i++)
                _lowerName[i] = AsInName(raw[i]);
            return _lowerName.AsSpan(0, raw.Length);
        }
    }

    /// <summary>The decoded value of the current tag's first attribute named <paramref name="lowerName"/> ("" when
    /// it has no value), or null when the tag has none; later duplicates are ignored, as by the tokenizer.</summary>
    public string? Attribute(string lowerName)
    {
        var source = html.Span;
        foreach (var attribute in _attributes)
        {
            if (!Same(source[attribute.NameStart..attribute.NameEnd], lowerName))
                continue;
            return attribute.ValueStart < 0
                ? ""
                : HtmlCharacterReferences.Decoded(html[attribute.ValueStart..attribute.ValueEnd], HtmlCharacterReferences.Context.Attribute, _decoded);
        }
        return null;
    }

    /// <summary>Every attribute of the current tag that has a value, the first of each name only (as the tokenizer
    /// keeps them): its lower-case name, its decoded value and the extent of its value as written (inside the quotes).</summary>
    public List<(string Name, string Value, int ValueStart, int ValueEnd)> ValuedAttributes()
    {
        var result = new List<(string, string, int, int)>();
        // A set, not a look back over the attributes before: a tag of 100k distinct attribute names cost minutes.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _attributes.Count; i++)
        {
            var attribute = _attributes[i];
            var name = string.Create(attribute.NameEnd - attribute.NameStart, html[attribute.NameStart..attribute.NameEnd],
                static (chars, raw) =>
                {
                    for (var k = 0; k < chars.Length; k++)
                        chars[k] = AsInName(raw.Span[k]);
                });
            // A valueless attribute still comes first: a later one of its name is dropped.
            if (!seen.Add(name) || attribute.ValueStart < 0)
                continue;
            result.Add((name, HtmlCharacterReferences.Decoded(html[attribute.ValueStart..attribute.ValueEnd],
                HtmlCharacterReferences.Context.Attribute, _decoded), attribute.ValueStart, attribute.ValueEnd));
        }
        return result;
    }

    /// <summary>The current token as written in the source.</summary>
    public ReadOnlySpan<char> Raw => html.Span[Start..End];

    /// <summary>Whether the current text token, read as markup rather than as raw text, holds no tag: each '&lt;' in
    /// it opens nothing, or opens a comment (or, where <paramref name="cDataSections"/>, a CDATA section) that ends
    /// inside it. Such content gives the same text either way, and the end tag after it is met at the same place.</summary>
    public bool ReadsAsTextInMarkup(bool cDataSections)
    {
        var source = html.Span;
        for (var i = Start; ;)
        {
            var lt = source[i..End].IndexOf('<');
            if (lt < 0)
                return true;
            lt += i;
            switch (WhatOpens(source, lt))
            {
                case Opening.None:
                    i = lt + 1;
                    continue;
                case Opening.Comment:
                    // At the end of the input CommentEnd cannot tell an ended comment from an open one.
                    i = CommentEnd(source, lt + 4);
                    if (i > End || i == source.Length)
                        return false;
                    continue;
                case Opening.BogusFromBang when cDataSections && source[(lt + 2)..End].StartsWith("[CDATA["):
                    var close = source[(lt + 9)..End].IndexOf("]]>");
                    if (close < 0)
                        return false;
                    i = lt + 9 + close + 3;
                    continue;
                default:
                    return false;
            }
        }
    }

    /// <summary>The decoded text of the current text token. The span is valid until the next call.</summary>
    public ReadOnlySpan<char> Text()
    {
        var raw = html[Start..End];
        if (HtmlCharacterReferences.IsVerbatim(raw.Span, _textContext))
            return raw.Span;
        _decoded.ResetWrittenCount();
        HtmlCharacterReferences.AppendDecoded(raw, _textContext, _decoded);
        return _decoded.WrittenSpan;
    }

    private Kind Text(int end, HtmlCharacterReferences.Context context)
    {
        End = _position = end;
        _textContext = context;
        return Current = Kind.Text;
    }

    // From _position in markup: a text run up to the next token, or the token there. Null when what was there (a
    // comment, a doctype, a "</>") is passed over.
    private Kind? ReadMarkup(ReadOnlySpan<char> source)
    {
        var scan = _position;
        while (true)
        {
            var lt = source[scan..].IndexOf('<');
            if (lt < 0)
                return Text(source.Length, HtmlCharacterReferences.Context.Data);
            lt += scan;
            var kind = WhatOpens(source, lt);
            if (kind == Opening.None)
            {
                scan = lt + 1; // a '<' that opens nothing is text
                continue;
            }
            if (lt > _position)
                return Text(lt, HtmlCharacterReferences.Context.Data);
            switch (kind)
            {
                case Opening.StartTag:
                    return ReadTag(source, lt + 1, Kind.StartTag);
                case Opening.EndTag:
                    return ReadTag(source, lt + 2, Kind.EndTag);
                case Opening.EmptyEndTag:
                    _position = lt + 3;
                    return null;
                case Opening.Comment:
                    _position = CommentEnd(source, lt + 4);
                    return null;
                case Opening.Doctype:
                    _position = PastNext(source, lt + 9, '>');
                    return null;
                case Opening.BogusFromBang:
                    _position = PastNext(source, lt + 2, '>');
                    // A CDATA section read to its first '>' ends where a browser in SVG or MathML ends it only if that
                    // '>' is the one of its "]]>".
                    if (source[(lt + 2)..].StartsWith("[CDATA[") && !source[..(_position)].EndsWith("]]>"))
                        CDataSectionsPassedOver++;
                    return null;
                default: // bogus comment from "</" or "<?"
                    _position = PastNext(source, lt + 1, '>');
                    return null;
            }
        }
    }

    private enum Opening
    {
        None,
        StartTag,
        EndTag,
        EmptyEndTag,   // "</>", dropped
        Comment,       // "<!--"
        Doctype,       // "<!DOCTYPE"
        BogusFromBang, // "<!" then anything else
        Bogus,         // "<?", "</" then not a letter
    }

    private static Opening WhatOpens(ReadOnlySpan<char> source, int lt)
    {
        if (lt + 1 >= source.Length)
            return Opening.None;
        var c = source[lt + 1];
        if (char.IsAsciiLetter(c))
            return Opening.StartTag;
        switch (c)
        {
            case '/':
                if (lt + 2 >= source.Length)
                    return Opening.None; // "</" at the end is text
                var d = source[lt + 2];
                return char.IsAsciiLetter(d) ? Opening.EndTag : d == '>' ? Opening.EmptyEndTag : Opening.Bogus;
            case '!':
                if (source[(lt + 2)..].StartsWith("--"))
                    return Opening.Comment;
                var rest = source[(lt + 2)..];
                return rest.Length >= 7 && Same(rest[..7], "doctype") ? Opening.Doctype : Opening.BogusFromBang;
            case '?':
                return Opening.Bogus;
            default:
                return Opening.None;
        }
    }

    // A tag from its name (at i) to its '>'. A tag cut off by the end of the input is no tag, and nothing of it is
    // read, as in the tokenizer.
    private Kind? ReadTag(ReadOnlySpan<char> source, int i, Kind kind)
    {
        var nameEnd = source[i..].IndexOfAny(TagNameEnds);
        if (nameEnd < 0)
            return AtEnd(source);
        _name = (i, i + nameEnd);
        i += nameEnd;
        while (true)
        {
            // Before an attribute name: whitespace and stray '/' are skipped.
            while (i < source.Length && source[i] is ' ' or '\t' or '\n' or '\r' or '\f' or '/')
                i++;
            if (i >= source.Length)
                return AtEnd(source);
            if (source[i] == '>')
                break;

            // The name: a first '=' is part of it; it ends at whitespace, '/', '>' or '='.
            var nameStart = i;
            var length = source[(i + 1)..].IndexOfAny(AttributeNameEnds);
            if (length < 0)
                return AtEnd(source);
            i += 1 + length;
            var attributeNameEnd = i;
            while (i < source.Length && source[i] is ' ' or '\t' or '\n' or '\r' or '\f')
                i++;
            if (i >= source.Length)
                return AtEnd(source);
            if (source[i] != '=')
            {
                _attributes.Add(new RawAttribute(nameStart, attributeNameEnd, -1, -1));
                continue;
            }
            i++;
            while (i < source.Length && source[i] is ' ' or '\t' or '\n' or '\r' or '\f')
                i++;
            if (i >= source.Length)
                return AtEnd(source);
            var quote = source[i];
            if (quote is '"' or '\'')
            {
                var close = source[(i + 1)..].IndexOf(quote);
                if (close < 0)
                    return AtEnd(source);
                _attributes.Add(new RawAttribute(nameStart, attributeNameEnd, i + 1, i + 1 + close));
                i += close + 2;
            }
            else if (quote == '>')
            {
                _attributes.Add(new RawAttribute(nameStart, attributeNameEnd, i, i)); // "a=>": an empty value
            }
            else
            {
                var valueLength = source[i..].IndexOfAny(UnquotedValueEnds);
                if (valueLength < 0)
                    return AtEnd(source);
                _attributes.Add(new RawAttribute(nameStart, attributeNameEnd, i, i + valueLength));
                i += valueLength;
            }
        }
        End = _position = i + 1;
        if (kind == Kind.StartTag && TextContentOf(Name) is { } content)
            (_content, _rawTextElement) = content;
        return Current = kind;
    }

    private Kind? AtEnd(ReadOnlySpan<char> source)
    {
        _attributes.Clear();
        _position = source.Length;
        return null;
    }

    // "<!--" then: ">" or "->" at once, else the first "-->" or "--!>"; the rest of the input if none.
    private static int CommentEnd(ReadOnlySpan<char> source, int body)
    {
        var rest = source[body..];
        if (rest.StartsWith(">"))
            return body + 1;
        if (rest.StartsWith("->"))
            return body + 2;
        for (var i = 0; ; )
        {
            var dashes = rest[i..].IndexOf("--");
            if (dashes < 0)
                return source.Length;
            var at = i + dashes + 2;
            while (at < rest.Length && rest[at] == '-')
                at++;
            if (at < rest.Length && rest[at] == '>')
                return body + at + 1;
            if (at + 1 < rest.Length && rest[at] == '!' && rest[at + 1] == '>')
                return body + at + 2;
            i = at;
        }
    }

    private static int PastNext(ReadOnlySpan<char> source, int from, char c)
    {
        if (from >= source.Length)
            return source.Length;
        var at = source[from..].IndexOf(c);
        return at < 0 ? source.Length : from + at + 1;
    }

    // The '<' of the first "</name" (any case) followed by whitespace, '/' or '>', or the end of the input.
    private static int RawTextEnd(ReadOnlySpan<char> source, int from, string name)
    {
        var i = from;
        while (true)
        {
            var at = source[i..].IndexOf("</");
            if (at < 0)
                return source.Length;
            at += i;
            var after = at + 2 + name.Length;
            if (after < source.Length && Same(source.Slice(at + 2, name.Length), name) &&
                source[after] is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>')
                return at;
            i = at + 2;
        }
    }

    // A character of a tag or attribute name as the tokenizer keeps it.
    private static char AsInName(char c) => c == '\0' ? '\uFFFD' : char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;

    // The tokenizer lower-cases only ASCII letters of names (and reads NUL as U+FFFD), so a name is a lower-case
    // ASCII name exactly when they are equal in ASCII without case; OrdinalIgnoreCase would also fold the long s
    // to 's' and the dotless i to 'i'.
    private static bool Same(ReadOnlySpan<char> raw, string lowerName) => Ascii.EqualsIgnoreCase(raw, lowerName);
}
