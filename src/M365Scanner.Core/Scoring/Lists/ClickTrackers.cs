namespace M365Scanner.Core.Scoring.Lists;

/// <summary>
/// E-mail service providers' click-tracking hosts (Sublime Security's bulk_mailer_url_root_domains plus the
/// product's own list): newsletters show the sender's own domain as link text while the link goes through one of
/// these. Text naming another domain is then the ordinary newsletter pattern, not a disguise, so
/// <c>link.text-names-other-domain</c> weighs little there (attackers do abuse these services, which is why it
/// still weighs something).
/// </summary>
public sealed class ClickTrackers(IReadOnlyList<string> hosts)
{
    private readonly HostSuffixSet _set = new(hosts);

    public bool Contains(string? host) => _set.Match(host) is not null;
}
