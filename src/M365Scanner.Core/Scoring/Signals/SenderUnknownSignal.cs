namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Sender: never seen by this mailbox: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class SenderUnknownSignal : MessageSignal
{
    public override string Id => "sender.unknown";
    public override string Name => "Sender: never seen by this mailbox";
    public override double Weight => 1.0;
    public override string Description =>
        "Most phishing comes from addresses the recipient never dealt with.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.ExternalPhish];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [Full];
    public override string KnownFalsePositives => "First contact from a new customer or supplier; newsletters just subscribed to.";

    public override SignalHit? Evaluate(MessageContext context)
    {
        if (context.Sender.Keys is null)
            return Hit("the message has no usable sender address");
        if (context.Sender.IsKnown || context.SenderIsInternal)
            return null;
        return Hit($"this mailbox has never received mail from {context.Sender.Keys.Value.Address} or anyone at {context.SenderDomain}, nor written to them");
    }
}
