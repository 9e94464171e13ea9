using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links.Domains;

namespace M365Scanner.Core.Scoring.Lookalike;

/// <summary>
/// The registrable domains a message's links could imitate to fool its reader: the tenant's own domains, the
/// sender's, and the recipients' (not freemail providers'). Computed once per message (cached against the <see cref="MessageContext"/>), so
/// each link pays only its comparisons.
/// </summary>
public sealed class ProtectedDomains
{
    /// <summary>At most this many recipient domains are protected: a mailing to thousands says little per domain.</summary>
    public const int MaxRecipientDomains = 32;

    private static readonly ConditionalWeakTable<MessageContext, ProtectedDomains> Cache = [];

    private ProtectedDomains(FrozenSet<string> all, IReadOnlyList<(string Domain, string Role)> ordered)
    {
        All = all;
        Ordered = ordered;
    }

    /// <summary>Every protected registrable domain.</summary>
    public FrozenSet<string> All { get; }

    /// <summary>Each protected domain once with the role that put it there ("your organisation", "the sender", "a
    /// recipient"), tenant first.</summary>
    public IReadOnlyList<(string Domain, string Role)> Ordered { get; }

    /// <summary>The protected domains of <paramref name="context"/>.</summary>
    public static ProtectedDomains For(MessageContext context) => Cache.GetValue(context, Build);

    /// <summary>The first protected domain <paramref name="registrableDomain"/> imitates, with the role of the
    /// imitated domain; null when it imitates none or is itself protected.</summary>
    /// <remarks>Against the sender's and recipients' domains only confusables and single non-hyphen edits count:
    /// correspondents' own sister domains ("icelandair.is" and "icelandair.com", "merckmedco.com" and
    /// "merck-medco.com") are everyday mail, an imitation of the tenant's domain is not.</remarks>
    public (LookalikeMatch Match, string Role)? FindImitated(string? registrableDomain)
    {
        if (string.IsNullOrEmpty(registrableDomain) || All.Contains(registrableDomain))
            return null;
        (LookalikeMatch, string)? best = null;
        foreach (var (domain, role) in Ordered)
        {
            if (DomainLookalike.Compare(registrableDomain, domain) is not { } match)
                continue;
            if (role != TenantRole && !(match.Kind == LookalikeKind.Confusable
                    || (match.Kind == LookalikeKind.Typo && match.Distance == 1 && !DiffersOnlyByHyphens(match))))
                continue;
            if (best is null || match.Kind > best.Value.Item1.Kind)
                best = (match, role);
        }
        return best;
    }

    private const string TenantRole = "your organisation";

    private static bool DiffersOnlyByHyphens(LookalikeMatch match) =>
        match.Domain.Replace("-", "", StringComparison.Ordinal) == match.Imitated.Replace("-", "", StringComparison.Ordinal);

    private static ProtectedDomains Build(MessageContext context)
    {
        var ordered = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string? domain, string role)
        {
            if (Registrable(domain) is { } registrable && seen.Add(registrable))
                ordered.Add((registrable, role));
        }

        foreach (var domain in context.Tenant.Domains)
            Add(domain, TenantRole);
        // Freemail providers are not protected: a lookalike of gmail.com imitates a brand, not a correspondent.
        if (!FreemailDomains.Contains(context.SenderDomain))
            Add(context.SenderDomain, "the sender");
        var recipients = 0;
        foreach (var recipient in context.Message.AllRecipients)
        {
            var domain = recipient.Domain;
            if (recipients >= MaxRecipientDomains || FreemailDomains.Contains(domain))
                continue;
            var before = ordered.Count;
            Add(domain, "a recipient");
            recipients += ordered.Count - before;
        }
        return new ProtectedDomains(seen.ToFrozenSet(StringComparer.Ordinal), ordered);
    }

    private static string? Registrable(string? domain) =>
        string.IsNullOrWhiteSpace(domain) ? null : PublicSuffixList.Default.GetRegistrableDomain(domain.Trim().ToLowerInvariant());
}
