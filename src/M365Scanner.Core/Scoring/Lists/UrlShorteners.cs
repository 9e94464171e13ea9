namespace M365Scanner.Core.Scoring.Lists;

/// <summary>
/// Public URL shorteners: anyone can make one point anywhere, so the destination is hidden from the reader and from
/// history. Brand shorteners that only lead into their own brand's site (youtu.be, amzn.to, aka.ms, g.co) are left
/// out on purpose: they hide nothing an attacker controls. Social networks' wrappers (t.co, lnkd.in) lead anywhere
/// but mostly appear in those networks' own notifications, so they are listed as <see cref="Social"/> and weigh less.
/// </summary>
/// <remarks>Sources: the shortener lists of Sublime Security's detection rules (url_shorteners) and of
/// PhishTank/OpenPhish reports, reduced to services still seen in mail.</remarks>
public static class UrlShorteners
{
    /// <summary>General-purpose shorteners (each entry also matches its subdomains).</summary>
    public static IReadOnlyList<string> General { get; } =
    [
        "bit.ly", "bitly.com", "j.mp", "tinyurl.com", "tiny.cc", "tiny.one", "goo.gl", "ow.ly", "is.gd", "v.gd",
        "buff.ly", "rebrand.ly", "rb.gy", "cutt.ly", "shorturl.at", "shorturl.asia", "t.ly", "tr.im", "s.id",
        "bl.ink", "short.io", "shorte.st", "adf.ly", "bit.do", "soo.gd", "x.co", "u.to", "urlz.fr", "surl.li",
        "shrtco.de", "clck.ru", "qrco.de", "qr.codes", "rotf.lol", "tny.im", "urlr.me", "lnkd.at",
        "shorturl.ac", "2u.pm", "mcaf.ee", "snip.ly", "t2m.io", "tinu.be", "zpr.io", "smarturl.it", "trib.al",
        "ln.run", "kutt.it", "hyperurl.co", "short.gy", "did.li", "y2u.be", "git.io", "gg.gg", "inx.lv", "bit.ws",
        "tinyurl.hu", "shorturl.gg", "t.cn", "dwz.cn", "url.cn", "vk.cc", "lnk.to", "cli.re", "l.ead.me",
    ];

    /// <summary>Social networks' link wrappers: they lead anywhere but are usually the network's own mail.</summary>
    public static IReadOnlyList<string> Social { get; } = ["t.co", "lnkd.in", "fb.me", "ift.tt", "pin.it", "redd.it"];

    private static readonly HostSuffixSet GeneralSet = new(General);
    private static readonly HostSuffixSet SocialSet = new(Social);

    /// <summary>The listed shortener <paramref name="host"/> belongs to and whether it is a social wrapper; null when none.</summary>
    public static (string Shortener, bool IsSocial)? Match(string? host) =>
        GeneralSet.Match(host) is { } general ? (general, false)
        : SocialSet.Match(host) is { } social ? (social, true)
        : null;
}
