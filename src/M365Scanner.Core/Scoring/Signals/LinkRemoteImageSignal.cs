using M365Scanner.Core.Links;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: remote image, not a click target: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkRemoteImageSignal : LinkSignal
{
    public override string Id => "link.remote-image";
    public override string Name => "Link: remote image, not a click target";
    public override double Weight => -1.5;
    public override string Description =>
        "Lowers the score of image sources: rewriting one breaks a picture in a newsletter for no protection " +
        "gained unless the image itself is the attack (image-only or QR-code phishing), where the other " +
        "signals must then carry the verdict on their own.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.CredentialHarvest];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [Full];
    public override string KnownFalsePositives => "QR-code phishing whose image host is otherwise unremarkable.";

    public override SignalHit? Evaluate(LinkContext context) =>
        context.Link.Source == LinkSource.Image
            ? Hit($"{context.Link.Host} serves an image the message displays; the reader does not click it")
            : null;
}
