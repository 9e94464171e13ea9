using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Tests.TestSupport;
using Xunit.Abstractions;

namespace M365Scanner.Core.Tests.Links.Extraction;

/// <summary>
/// <see cref="HtmlScanner"/> against AngleSharp's HTML5 tokenizer, which the link extractor ran on before: both must
/// read the same tags, the same values of every attribute a link is read from, and the same text, on every HTML body
/// of the corpora and on hostile markup generated from the tokenizer's special characters.
/// </summary>
/// <remarks>AngleSharp is told, after script, style, title, textarea, xmp, iframe, noembed, noframes and plaintext,
/// to read the content as the tree builder would have it read, as HtmlScanner does by itself. Text is compared per run between tags, as the
/// collector reads it (comments and doctypes inside a run do not end it).</remarks>
public class HtmlScannerDifferentialTests(ITestOutputHelper output)
{
    private static readonly string[] ReadAttributes =
        ["href", "xlink:href", "src", "alt", "action", "formaction", "http-equiv", "content", "background"];

    // What the tree builder tells AngleSharp's tokenizer after these start tags (HtmlScanner does it itself).
    private static readonly Dictionary<string, HtmlParseMode> RawTextElements = new()
    {
        ["script"] = HtmlParseMode.Script,
        ["style"] = HtmlParseMode.Rawtext,
        ["xmp"] = HtmlParseMode.Rawtext,
        ["iframe"] = HtmlParseMode.Rawtext,
        ["noembed"] = HtmlParseMode.Rawtext,
        ["noframes"] = HtmlParseMode.Rawtext,
        ["title"] = HtmlParseMode.RCData,
        ["textarea"] = HtmlParseMode.RCData,
        ["plaintext"] = HtmlParseMode.Plaintext,
    };

    [SkippableFact]
    public void EveryHtmlBodyOfThePhishingAndListMail_ReadsAsAngleSharpReadsIt()
    {
        var compared = 0;
        foreach (var folder in new[] { "phishing", "lists" })
        {
            var root = RequiredSharedData.RequireOrSkip(folder);
            foreach (var file in Directory.EnumerateFiles(root, "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                EmailMessage message;
                try
                {
                    message = EmlReader.Read(File.ReadAllBytes(file));
                }
                catch (FormatException)
                {
                    continue;
                }
                if (string.IsNullOrEmpty(message.HtmlBody))
                    continue;
                AssertSameTokens(message.HtmlBody, Path.GetFileName(file));
                compared++;
            }
        }
        output.WriteLine($"{compared} HTML bodies compared");
        Assert.True(compared > 1000, $"only {compared} HTML bodies were found");
    }

    [Fact]
    public void GeneratedHostileMarkup_ReadsAsAngleSharpReadsIt()
    {
        string[] pieces =
        [
            "<", ">", "/", "!", "?", "-", "--", "=", "\"", "'", "`", "&", "#", "x", "X", ";", " ", "\t", "\n", "\r", "\r\n", "\f",
            "\0", "a", "A", "b", "1", "9", "f", "é", "\u017F", "\u0131", "K",
            "href", "HREF", "src", "alt", "content", "http-equiv", "xlink:href", "action",
            "amp", "amp;", "lt;", "gt", "quot;", "copy", "not", "notin;", "AMP;", "nbsp", "&#", "&#x", "&#38;", "&#x26;", "&#0;",
            "&#128;", "&#xD800;", "&#1114111;", "&#13;", "&amp", "&lt", "&notit;",
            "<!--", "-->", "--!>", "<!-->", "<!--->", "<!DOCTYPE html>", "<!doctype", "<![CDATA[", "]]>", "<?xml", "</>",
            "<a", "<a href=", "<A HREF=\"", "</a>", "<img src=", "<meta http-equiv=refresh content=\"0;url=", "<base href=",
            "<script>", "</script>", "</SCRIPT ", "<script", "<style>", "</style>", "<title>", "</title>", "<textarea>",
            "</textarea>", "<xmp>", "</xmp>", "<iframe>", "</iframe>", "<noembed>", "<noframes>", "<plaintext>",
            "http://a.example/", "www.b.example", "<br/>", "<p>", "<td>", "</td>", "<table>", "<svg>", "<math>",
        ];
        var random = new Random(20261207);
        for (var n = 0; n < 20_000; n++)
        {
            var html = new StringBuilder();
            var length = random.Next(1, 40);
            for (var i = 0; i < length; i++)
            {
                var piece = pieces[random.Next(pieces.Length)];
                if (!IsAngleSharpDeviation(html, piece))
                    html.Append(piece);
            }
            AssertSameTokens(html.ToString(), $"generated #{n}");
        }
    }

    [Theory]
    // Script data escapes: "</script>" inside "<!-- <script>" does not end the script.
    [InlineData("<script><!--<script></script>a</script><a href=x>")]
    [InlineData("<script><!--</script><a href=x>")]
    [InlineData("<script><!--><a href=x></script><a href=y>")]
    // A name reference without its semicolon in an attribute value, before '=' or a letter, is not one.
    [InlineData("<a href=\"?a=1&copy=2&not;x&notit;&amp&ampx\">t</a>")]
    // Names are lower-cased only in ASCII: the long s is no 's', the dotless i no 'i'.
    [InlineData("<a \u017Frc=x hre\u017F=y href=z><acti\u0131on>")]
    public void KnownHardCases_ReadAsAngleSharpReadsThem(string html) => AssertSameTokens(html, html);

    // Where AngleSharp is known to read differently from the HTML5 standard (and browsers), and HtmlScanner follows
    // the standard; each is pinned by a test of its own in HtmlScannerTests:
    // "&;" loses its ';' in AngleSharp; and a numeric reference past 10 digits wraps around in AngleSharp (so
    // "&#x110000000041;" reads as 'A') where the standard reads U+FFFD.
    private static bool IsAngleSharpDeviation(StringBuilder html, string next) =>
        (html.Length > 0 && html[^1] == '&' && next.StartsWith(';')) ||
        (char.IsAsciiHexDigit(next[0]) && html.Length >= 6 && Enumerable.Range(1, 6).All(k => char.IsAsciiHexDigit(html[^k])));

    private static void AssertSameTokens(string html, string name)
    {
        var ours = Ours(html);
        var theirs = Theirs(html);
        var first = Enumerable.Range(0, Math.Min(ours.Count, theirs.Count)).FirstOrDefault(i => ours[i] != theirs[i], -1);
        if (first < 0 && ours.Count == theirs.Count)
            return;
        var at = first < 0 ? Math.Min(ours.Count, theirs.Count) : first;
        Assert.Fail($"{name}: token {at} differs.\nours:   {Show(ours, at)}\ntheirs: {Show(theirs, at)}\n" +
                    $"html: {Escape(html[..Math.Min(html.Length, 2000)])}");
    }

    private static string Show(List<string> tokens, int at) => at < tokens.Count ? Escape(tokens[at]) : "(end)";

    private static string Escape(string s) =>
        s.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\0", "\\0").Replace("\t", "\\t").Replace("\f", "\\f");

    private static List<string> Ours(string html)
    {
        var tokens = new List<string>();
        var text = new StringBuilder();
        var scanner = new HtmlScanner(html.AsMemory());
        HtmlCharacterReferences.Context? rcDataOrRawText = null;
        while (scanner.Read() != HtmlScanner.Kind.EndOfFile)
        {
            if (scanner.Current == HtmlScanner.Kind.Text)
            {
                text.Append(rcDataOrRawText is { } context
                    ? AsAngleSharpReadsEndTagLikeText(html.AsMemory(scanner.Start, scanner.End - scanner.Start), context)
                    : scanner.Text());
                rcDataOrRawText = null;
                continue;
            }
            rcDataOrRawText = null;
            Flush(tokens, text);
            var tagName = scanner.Name.ToString();
            if (scanner.Current == HtmlScanner.Kind.EndTag)
            {
                tokens.Add("</" + tagName);
                continue;
            }
            tokens.Add("<" + tagName + string.Concat(ReadAttributes.Select(a => scanner.Attribute(a) is { } v ? $" {a}=[{v}]" : "")));
            if (HtmlScanner.TextContentOf(tagName) is { } content)
            {
                rcDataOrRawText = content.Content switch
                {
                    HtmlScanner.Content.RcData => HtmlCharacterReferences.Context.RcData,
                    HtmlScanner.Content.RawText => HtmlCharacterReferences.Context.RawText,
                    _ => null,
                };
            }
        }
        Flush(tokens, text);
        return tokens;
    }

    // AngleSharp's one known deviation from the HTML5 tokenizer: in title, textarea, style and the other raw-text
    // elements, a "</name" that is not the element's end tag is given back lower-cased ("</DIV" as "</div"); the
    // standard, and browsers, keep it as written, as HtmlScanner does. It never changes a link or its text's URL.
    private static string AsAngleSharpReadsEndTagLikeText(ReadOnlyMemory<char> raw, HtmlCharacterReferences.Context context) =>
        HtmlCharacterReferences.Decoded(
            System.Text.RegularExpressions.Regex.Replace(raw.ToString(), "</[A-Za-z]+", m => m.Value.ToLowerInvariant()).AsMemory(),
            context, new System.Buffers.ArrayBufferWriter<char>());

    private static List<string> Theirs(string html)
    {
        var tokens = new List<string>();
        var text = new StringBuilder();
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver) { SkipComments = true };
        while (true)
        {
            var token = tokenizer.Get();
            if (token.Type == HtmlTokenType.EndOfFile)
                break;
            if (token.Type == HtmlTokenType.Character)
            {
                text.Append(token.Data);
                continue;
            }
            if (token is not HtmlTagToken tag)
                continue;
            Flush(tokens, text);
            if (tag.Type == HtmlTokenType.EndTag)
            {
                tokens.Add("</" + tag.Name);
                continue;
            }
            tokens.Add("<" + tag.Name + string.Concat(ReadAttributes.Select(a => tag.GetAttribute(a) is { } v && HasAttribute(tag, a) ? $" {a}=[{v}]" : "")));
            if (RawTextElements.TryGetValue(tag.Name, out var mode))
                tokenizer.State = mode;
        }
        Flush(tokens, text);
        return tokens;
    }

    private static bool HasAttribute(HtmlTagToken tag, string name) => tag.Attributes.Any(a => a.Name == name);

    private static void Flush(List<string> tokens, StringBuilder text)
    {
        if (text.Length == 0)
            return;
        tokens.Add("text:" + text);
        text.Clear();
    }
}
