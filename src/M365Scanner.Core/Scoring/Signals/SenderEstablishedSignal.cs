using System.Globalization;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Sender: established correspondent: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class SenderEstablishedSignal : MessageSignal
{
    public override string Id => "sender.established";
    public override string Name => "Sender: established correspondent";
    public override double Weight => -1.5;
    public override string Description =>
        "Lowers every link's score: a long relationship is strong evidence that ordinary links from this " +
        "sender are what they look like (novel links are judged by the novelty signals).";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.ExternalPhish];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [Full];
    public override string KnownFalsePositives => "A compromised partner account: exactly the case the link-novelty signals exist for.";

    public override SignalHit? Evaluate(MessageContext context)
    {
        var s = context.Sender;
        if (!s.IsEstablished)
            return null;
        if (s.SentTo is { } sent)
            return Hit($"this mailbox has written to {s.Keys?.Address} {Times(sent.Count)}");
        if (s.Solicited is { } solicited)
            return Hit($"{s.Keys?.Address} has replied {Times(solicited.Count)} to threads this mailbox took part in");
        var r = s.ReceivedFrom!.Value;
        return Hit($"seen {r.Count} times over {r.SpanDays.ToString("0", CultureInfo.InvariantCulture)} days from {s.Keys?.Address}");
    }

    private static string Times(long n) => n == 1 ? "once" : $"{n} times";
}
