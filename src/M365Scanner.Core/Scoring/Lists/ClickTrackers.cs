namespace M365Scanner.Core.Scoring.Lists;

/// <summary>
/// E-mail service providers' click-tracking hosts: newsletters show the sender's own domain as link text while the
/// link goes through one of these. Text naming another domain is then the ordinary newsletter pattern, not a
/// disguise, so <c>link.text-names-other-domain</c> weighs little there (attackers do abuse these services, which is
/// why it still weighs something).
/// </summary>
public static class ClickTrackers
{
    public static IReadOnlyList<string> Hosts { get; } =
    [
        "list-manage.com", "mailchimp.com", "mcusercontent.com", "rs6.net", "sendgrid.net", "ct.sendgrid.net",
        "exacttarget.com", "sfmc-content.com", "mkt.com", "mktoweb.com", "mjt.lu", "sendibt3.com", "sendibt2.com",
        "sendinblue.com", "brevo.com", "hubspotlinks.com", "hs-sites.com", "hubspot.com", "awstrack.me",
        "mailgun.org", "mandrillapp.com", "cmail19.com", "cmail20.com", "createsend.com", "klclick.com",
        "klclick1.com", "klaviyomail.com", "constantcontact.com", "icptrack.com", "emlnk.com", "mailjet.com",
        "pardot.com", "doubleclick.net", "urldefense.com", "returnpath.net", "m0.net", "rsc01.net", "rsc02.net",
        "rsc03.net", "chtah.com", "maildart.net", "postmarkapp.com", "sparkpostmail.com", "mlsend.com", "substack.com",
        "beehiiv.com", "convertkit-mail.com", "ck.page", "aweber.com", "getresponse.com", "campaign-archive.com",
        "eloqua.com", "en25.com", "bnc.lt", "app.link", "mailerlite.com",
    ];

    private static readonly HostSuffixSet Set = new(Hosts);

    public static bool Contains(string? host) => Set.Match(host) is not null;
}
