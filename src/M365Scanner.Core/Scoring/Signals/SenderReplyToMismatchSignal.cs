using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links.Domains;
using M365Scanner.Core.Reference;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Sender: Reply-To differs from From: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
/// <remarks>Weight 1.5: common in scams, but far from rare in benign bulk mail; it should tip a verdict, not make it.</remarks>
public sealed class SenderReplyToMismatchSignal : MessageSignal
{
    public override string Id => "sender.reply-to-mismatch";
    public override string Name => "Sender: Reply-To differs from From";
    public override double Weight => 1.5;
    public override string Description =>
        "Replies would go to another organisation than the one the message claims to come from: the mechanics " +
        "of invoice fraud and advance-fee scams. Strongest when replies go to a freemail address while From " +
        "is an organisation (or to another freemail user than the one writing); weaker for one organisation's " +
        "domain replaced by another's, which marketing platforms do routinely.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.Impersonation, AttackKind.ExternalPhish];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [FreemailForOrganisation, OtherFreemail, OtherOrganisation];
    public override IReadOnlyList<ReferenceListSpec> Lists { get; } = [ReferenceLists.PublicSuffixes];
    public override string KnownFalsePositives =>
        "Newsletters and ticketing systems replying to a support or marketing-platform domain; a person writing from " +
        "a company address with replies to their private one.";

    public static readonly SignalStrength FreemailForOrganisation = new("freemail-for-organisation", 1.0, "an organisation asking for replies at a freemail address");
    public static readonly SignalStrength OtherFreemail = new("other-freemail", 0.75, "one freemail user writing, another collecting the replies");
    public static readonly SignalStrength OtherOrganisation = new("other-organisation", 0.5, "replies to another organisation's domain");

    public override SignalHit? Evaluate(MessageContext context)
    {
        var message = context.Message;
        // The author as judged: for a list's munged copy, the author the list names (whom its Reply-To also names).
        var from = context.Author;
        if (from is null || from.Domain.Length == 0 || message.ReplyTo.Count == 0)
            return null;
        var fromAddress = from.Normalized;
        var fromDomain = Registrable(from.Domain);
        var fromFreemail = FreemailDomains.Contains(from.Domain);
        // Mailing lists set Reply-To to the list (or to the recipients): replies then go where the message went.
        var addressedTo = message.AllRecipients.Select(a => a.Normalized)
            .Append(context.Mailbox.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        if (context.Identity.ListAddress is { } list)
            addressedTo.Add(list);
        if ((message.From ?? message.Sender)?.Normalized is { } written)
            addressedTo.Add(written);

        var best = 0.0;
        string? replyTo = null;
        foreach (var reply in message.ReplyTo)
        {
            var address = reply.Normalized;
            var domain = reply.Domain;
            if (domain.Length == 0 || address == fromAddress || addressedTo.Contains(address) ||
                context.Tenant.IsInternal(domain) || (message.Sender is { } s && s.Normalized == address))
                continue;
            var replyFreemail = FreemailDomains.Contains(domain);
            var strength = (replyFreemail, fromFreemail) switch
            {
                (true, false) => FreemailForOrganisation.Value,  // an organisation asking for replies at gmail.com
                (true, true) => OtherFreemail.Value,  // one freemail user writing, another collecting the replies
                _ when Registrable(domain) != fromDomain => OtherOrganisation.Value,
                _ => 0.0,              // same organisation
            };
            if (strength > best)
                (best, replyTo) = (strength, address);
        }
        return replyTo is null ? null : Hit($"replies to this message from {fromAddress} would go to {replyTo}", best);
    }

    private static string Registrable(string domain) => PublicSuffixList.Default.GetRegistrableDomain(domain) ?? domain;
}
