using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;

namespace M365Scanner.Fuzz.Targets;

/// <summary>An HTML body (UTF-8) through <see cref="HtmlLinkExtractor"/> (HtmlScanner, our HTML5 tokenizer, and the collector),
/// each link found through <see cref="LinkResolver"/>, then the body rewritten as a flagged message's copy is.</summary>
/// <remarks>Crashes: an exception out of Extract or Resolve (both documented never to throw for content) or out of
/// the rewrite; and the note "html could not be read", which Extract writes when the tokenizer threw: its own code
/// says the tokenizer accepts any input, so that is "a bug or a resource limit, not bad input".</remarks>
internal sealed class HtmlTarget : FuzzTarget
{
    private static readonly HtmlLinkExtractor Extractor = new(ExtractionLimits.Default);

    public override string Name => "html";

    public override string Description => "UTF-8 HTML -> HtmlLinkExtractor.Extract -> LinkResolver.Resolve -> LinkRewriter (body)";

    public override void Run(byte[] input)
    {
        var html = Encoding.UTF8.GetString(input);
        var notes = new List<string>();
        var found = Extractor.Extract(html, LinkOrigin.Body, notes);
        if (notes.FirstOrDefault(n => n.StartsWith("html could not be read", StringComparison.Ordinal)) is { } failure)
            throw new FuzzFinding(failure);
        var links = found.Select(Remediation.AsLink).ToList();
        if (links.Count > 0)
            Remediation.Rewrite(new EmailMessage { HtmlBody = html }, links);
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        yield return ("anchors.html", Encoding.UTF8.GetBytes("""
            <!DOCTYPE html><html><head><title>Invoice <a href="http://title.example/">x</a></title>
            <base href="https://base.example/dir/">
            <meta http-equiv="refresh" content="0; url='https://refresh.example/go'">
            <style>a { background: url(http://style.example/) }</style></head>
            <body background="http://bg.example/b.png">
            <p>Dear customer, visit www.text.example/path or http://plain.example/?a=1&amp;b=2.</p>
            <a href="relative/page.html">relative</a>
            <a href="https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fevil.example%2F&amp;data=x">Open</a>
            <a href="mailto:a@b">mail</a><a href="#top">top</a><a href="cid:part1">cid</a>
            <img src="https://track.example/pixel.gif" alt="logo"><img src="data:image/png;base64,iVBORw0KGgo=">
            <map name="m"><area href="http://area.example/" shape="rect" coords="0,0,1,1"></map>
            <form action="https://form.example/login"><input type="password"><button formaction="http://button.example/">Go</button></form>
            <table><tr><td><a href="http://cell.example/">unclosed in cell</td><td>next</td></tr></table>
            <script>var s = "<a href='http://script.example/'>";</script>
            <a href="javascript:alert(1)">js</a><a href=" &#104;ttp://entity.example/&#x3f;q ">entities</a>
            </body></html>
            """));
        yield return ("minimal.html", "<a href=http://a.example>a</a>"u8.ToArray());
        yield return ("unclosed.html", "<div><a href='http://one.example/'><b>one<a href=\"http://two.example/\">two<p>"u8.ToArray());
        yield return ("svg-math.html", Encoding.UTF8.GetBytes(
            "<svg><a xlink:href=\"http://svg.example/\"><text>t</text></a><![CDATA[<a href=x>]]></svg>" +
            "<math><mi><a href=\"http://math.example/\">m</a></mi></math><textarea><a href=\"http://no.example/\"></textarea>" +
            "<noscript><a href=\"http://noscript.example/\">n</a></noscript><plaintext><a href=x>"));
        yield return ("comments.html", Encoding.UTF8.GetBytes(
            "<!-- <a href=\"http://comment.example/\"> --><!--><a href=\"http://after.example/\">a</a><!---->" +
            "<? pi ?><!doctype x><frameset><frame src=\"http://frame.example/\"></frameset>\uFEFF\u0000\uD7FF"));
    }

    public override IEnumerable<string> DictionaryTokens() =>
    [
        "<a href=\"", "\">", "</a>", "<area href=", "<form action=", "formaction=", "<button", "<input", "<img src=",
        "background=", "<meta http-equiv=\"refresh\" content=\"0;url=", "<base href=", "<table>", "<tr>", "<td>", "</td>",
        "<th>", "<caption>", "<script>", "</script>", "<style>", "</style>", "<title>", "</title>", "<textarea>",
        "<noscript>", "<plaintext>", "<xmp>", "<iframe", "<svg>", "<math>", "<template>", "<![CDATA[", "]]>", "<!--",
        "-->", "<!DOCTYPE html>", "&amp;", "&#x", "&#", "&lt;", "&nbsp;", ";", "=", "'", "\"", "http://", "https://",
        "www.", "javascript:", "data:", "mailto:", "cid:", "#", "%2F", "xlink:href=",
    ];
}
