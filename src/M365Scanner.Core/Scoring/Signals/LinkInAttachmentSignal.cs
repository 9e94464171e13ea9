namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: inside an attachment: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkInAttachmentSignal : LinkSignal
{
    public override string Id => "link.in-attachment";
    public override string Name => "Link: inside an attachment";
    public override double Weight => 1.0;
    public override string Description =>
        "Attackers move the link into a PDF or document so body scanners miss it, and the reader trusts a " +
        "\"document\" more than a mail. Modest: invoices and brochures carry links too.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.LateralPhish, AttackKind.CredentialHarvest];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [Full];
    public override string KnownFalsePositives => "Links in invoices, brochures and reports sent as PDF.";

    public override SignalHit? Evaluate(LinkContext context)
    {
        var origin = context.Link.Origin;
        if (origin is null || !origin.StartsWith("attachment:", StringComparison.Ordinal))
            return null;
        var name = origin["attachment:".Length..];
        var page = name.IndexOf("/page ", StringComparison.Ordinal);
        return Hit($"the link is inside the attachment {(page < 0 ? name : name[..page])}, not in the message text");
    }
}
