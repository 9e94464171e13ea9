namespace M365Scanner.Core.Correspondence;

/// <summary>
/// Mail providers where anyone can get an address: a domain there says nothing about who the sender is, so the
/// graph keys such senders by full address only (one Gmail user's links must not vouch for another's).
/// Named data, not scattered literals; extend it here.
/// </summary>
public static class FreemailDomains
{
    private static readonly HashSet<string> Domains = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "ymail.com", "rocketmail.com",
        "hotmail.com", "hotmail.co.uk", "hotmail.fr", "outlook.com", "live.com", "msn.com", "passport.com",
        "aol.com", "aim.com", "compuserve.com", "netscape.net", "excite.com", "lycos.com", "juno.com", "earthlink.net",
        "icloud.com", "me.com", "mac.com", "gmx.com", "gmx.net", "gmx.de", "web.de", "mail.com", "email.com",
        "usa.net", "zoho.com", "zohomail.com", "yandex.com", "yandex.ru", "mail.ru", "proton.me", "protonmail.com",
        "tutanota.com", "qq.com", "163.com", "126.com", "naver.com", "onmicrosoft.com",
    };

    public static bool Contains(string domain) => Domains.Contains(domain);
}
