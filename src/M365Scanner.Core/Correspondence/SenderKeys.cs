using M365Scanner.Core.Mail;

namespace M365Scanner.Core.Correspondence;

/// <summary>The keys a sender's link history is kept under: the full address always, and the domain too unless
/// it is a freemail provider (colleagues at one company share a link vocabulary; strangers at gmail.com do not).</summary>
public readonly record struct SenderKeys(string Address, string? Domain)
{
    public static SenderKeys? For(EmailAddress? sender)
    {
        if (sender is null || string.IsNullOrWhiteSpace(sender.Address))
            return null;
        var domain = sender.Domain;
        return new SenderKeys(sender.Normalized, domain.Length == 0 || FreemailDomains.Contains(domain) ? null : "@" + domain);
    }

    public IEnumerable<string> All => Domain is null ? [Address] : [Address, Domain];
}
