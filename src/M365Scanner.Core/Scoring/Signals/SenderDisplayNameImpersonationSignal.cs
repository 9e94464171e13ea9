using System.Text.RegularExpressions;
using M365Scanner.Core.Links.Domains;
using M365Scanner.Core.Reference;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Sender: display name copies an internal user from outside: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
/// <remarks>Weight 2.0: a deliberate lie about identity, rare in benign mail; not higher because people do write
/// from private addresses under their own name, and names collide.</remarks>
public sealed partial class SenderDisplayNameImpersonationSignal : MessageSignal
{
    public override string Id => "sender.display-name-impersonation";
    public override string Name => "Sender: display name copies an internal user from outside";
    public override double Weight => 2.0;
    public override string Description =>
        "What the reader sees is the display name, so attackers put there what they want believed: a " +
        "colleague's name (CEO fraud), the organisation's own domain, or another address (\"service@bank.com " +
        "<x@evil.example>\"). Fires when the name of a user of the tenant arrives from an outside address, " +
        "when the name shows the tenant's domain from outside, or when it shows an address or domain other " +
        "than the one actually sending.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.Impersonation];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [ShowsIdentity, ShowsDomain];
    public override IReadOnlyList<ReferenceListSpec> Lists { get; } = [ReferenceLists.PublicSuffixes];
    public override string KnownFalsePositives =>
        "A colleague writing from a private address; a namesake at a partner; services that put their brand's web " +
        "domain in the display name while sending from a mail platform's domain.";

    public static readonly SignalStrength ShowsIdentity = new("shows-identity", 1.0, "an internal user's name, the organisation's domain, or another address");
    public static readonly SignalStrength ShowsDomain = new("shows-domain", 0.6, "another domain than the sending one");

    public override SignalHit? Evaluate(MessageContext context)
    {
        var from = context.Author;
        var shown = Normalize(from?.DisplayName);
        if (from is null || shown.Length == 0 || context.SenderIsInternal)
            return null;

        if (context.Tenant.InternalNames.Contains(shown) || context.Tenant.InternalNames.Contains(Reordered(shown)))
            return Hit($"the display name \"{from.DisplayName!.Trim()}\" is the name of a user of this organisation, but the address is {from.Normalized}", ShowsIdentity);

        var senderDomain = Registrable(from.Domain);
        SignalHit? weaker = null;
        foreach (Match m in DomainLike().Matches(shown))
        {
            var host = m.Groups["host"].Value;
            var isAddress = m.Groups["local"].Success;
            if (Registrable(host) is not { } named || named == senderDomain)
                continue;
            var what = isAddress ? "address" : "domain";
            if (context.Tenant.IsInternal(host))
                return Hit($"the display name \"{from.DisplayName!.Trim()}\" shows this organisation's {what} {m.Value}, but the message comes from outside ({from.Normalized})", ShowsIdentity);
            if (isAddress)
                return Hit($"the display name shows the address {m.Value}, but the message comes from {from.Normalized}", ShowsIdentity);
            // A bare "word.word" is a domain only when its ending is a real suffix ("Mr.Smith" is not), and not when
            // it is just the address's own local part ("anna.design" <anna.design@studio.example>).
            var psl = PublicSuffixList.Default;
            if (psl.IsListed(psl.GetPublicSuffix(host)) && !from.Normalized.StartsWith(host + "@", StringComparison.Ordinal))
                weaker ??= Hit($"the display name shows the domain {host}, but the message comes from {from.Normalized}", ShowsDomain);
        }
        return weaker;
    }

    private static string? Registrable(string host) =>
        host.Length == 0 ? null : PublicSuffixList.Default.GetRegistrableDomain(host) ?? host;

    // Lower case, quotes dropped, runs of whitespace as one space: how TenantProfile keeps names.
    private static string Normalize(string? name) =>
        name is null ? "" : Whitespace().Replace(name.Trim().Trim('"', '\'').ToLowerInvariant(), " ").Trim();

    // "Builder, Bob" as directories and Outlook print it -> "bob builder".
    private static string Reordered(string name)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        return comma <= 0 ? name : $"{name[(comma + 1)..].Trim()} {name[..comma].Trim()}";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?:(?<local>[a-z0-9._%+-]+)@)?(?<host>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})\b")]
    private static partial Regex DomainLike();
}
