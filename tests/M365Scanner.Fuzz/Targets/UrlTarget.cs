using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Links.Normalization;

namespace M365Scanner.Fuzz.Targets;

/// <summary>A string (UTF-8) as a URL through <see cref="UrlNormalizer"/> and <see cref="LinkResolver"/> (gateway
/// unwrapping, host normalisation, Public Suffix List), and as text through <see cref="TextLinkExtractor"/>, each URL
/// it finds resolved too.</summary>
/// <remarks>Normalize and Resolve are documented never to throw for any string; TextLinkExtractor feeds them every
/// text body. Any exception is a crash.</remarks>
internal sealed class UrlTarget : FuzzTarget
{
    private static readonly TextLinkExtractor TextLinks = new();

    public override string Name => "url";

    public override string Description => "UTF-8 string -> UrlNormalizer.Normalize, LinkResolver.Resolve (unwrapping), TextLinkExtractor";

    public override void Run(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        UrlNormalizer.Normalize(text);
        LinkResolver.Default.Resolve(new FoundLink(text, null, LinkSource.Anchor, LinkOrigin.Body));
        foreach (var found in TextLinks.Extract(text, LinkOrigin.Body))
            LinkResolver.Default.Resolve(found);
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        const string destination = "https://evil.example.com/login?a=1&b=2";
        var escaped = Uri.EscapeDataString(destination);
        string[] urls =
        [
            "http://example.com/",
            "HTTPS://User:Pass@Sub.Example.CO.UK:8443/a/../b/%7e?q=1#frag",
            "www.example.com/path",
            "//example.com/x",
            "http:\\\\example.com\\x",
            "http:example.com",
            "java\tscript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "ftp://[2001:db8::1]:21/file",
            "http://[::ffff:127.0.0.1]/",
            "http://0x7f.1/", "http://3232235777/", "http://0177.0.0.1./", "http://1.2.3.4.5/",
            "http://xn--pple-43d.com/", "http://\uff45xample\u3002com/", "http://ex\u00adample.com/", "http://%65vil.com/",
            "http://paypal.com@evil.com/", "http://a.b.c.d.e.f.g.h.i.j.k.blogspot.com/", "http://localhost:0/",
            "https://nam12.safelinks.protection.outlook.com/?url=" + escaped + "&data=05%7C01&reserved=0",
            "https://urldefense.proofpoint.com/v1/url?u=" + escaped + "&k=abc",
            "https://urldefense.proofpoint.com/v2/url?u=https-3A__evil.example.com_login-3Fa-3D1-26b-3D2&d=DwMF&c=x",
            "https://urldefense.com/v3/__https://example.com/p?x=**Ay&z=**A__;w6nigqzwnYSeIQ!!sig$",
            "https://protect-eu.mimecast.com/s/AbCdEfGhIjKl?domain=evil.example.com",
            "https://linkprotect.cudasvc.com/url?a=" + escaped + "&c=E,1,abc",
            "https://www.google.com/url?sa=t&url=" + escaped,
            "https://l.facebook.com/l.php?u=" + escaped + "&h=AT0",
            "https://www.youtube.com/redirect?event=video_description&q=" + escaped,
            "https://www.linkedin.com/redir/redirect?url=" + escaped,
            "https://slack-redir.net/link?url=" + escaped,
            "https://l.instagram.com/?u=" + escaped,
            "https://nam12.safelinks.protection.outlook.com/?url=" +
                Uri.EscapeDataString("https://urldefense.proofpoint.com/v1/url?u=" + Uri.EscapeDataString("https://www.google.com/url?q=" + escaped)),
        ];
        for (var i = 0; i < urls.Length; i++)
            yield return ($"url-{i:D2}.txt", Encoding.UTF8.GetBytes(urls[i]));
        yield return ("text.txt", Encoding.UTF8.GetBytes(
            "Hi, see (http://a.example/x), www.b.example. or <https://c.example/?q=\"d\">; ftp://e.example/f!\n" +
            "also http://\u0440\u0430ypal.com/ and HTTP://UPPER.EXAMPLE/..."));
    }

    public override IEnumerable<string> DictionaryTokens() =>
    [
        "http://", "https://", "ftp://", "www.", "//", "\\\\", "javascript:", "data:", "mailto:", "@", ":", "[", "]", "::",
        "%", "%25", "%2F", "%3A", "%00", "?", "#", "&", "=", ".", "..", "/../", "0x", "0177", "xn--", "\u3002", "\u00ad",
        "safelinks.protection.outlook.com/?url=", "urldefense.proofpoint.com/v2/url?u=", "urldefense.com/v3/__", "__;",
        "!!", "**", "-3A__", "linkprotect.cudasvc.com/url?a=", "www.google.com/url?q=", "l.facebook.com/l.php?u=",
        "protect-eu.mimecast.com/s/", ".co.uk", ".blogspot.com", ".com", "localhost",
    ];
}
