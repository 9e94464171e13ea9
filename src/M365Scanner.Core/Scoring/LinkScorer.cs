namespace M365Scanner.Core.Scoring;

/// <summary>
/// Combines signals into scores: a link's log-odds is the bias plus the weights of every message-level and
/// link-level signal that fired; its score is the logistic of that. The message scores as its worst link.
/// </summary>
/// <remarks>Additive log-odds keep each signal's part in a verdict visible and let an analyst read why: the
/// reasons are the fired signals, those that raised the score first (largest first), then those that lowered it.</remarks>
public sealed class LinkScorer(IReadOnlyList<MessageSignal> messageSignals, IReadOnlyList<LinkSignal> linkSignals, ScoringOptions? options = null)
{
    private readonly ScoringOptions _options = options ?? ScoringOptions.Default;

    public static LinkScorer Default { get; } = new(SignalCatalog.MessageSignals, SignalCatalog.LinkSignals);

    public MessageScore Score(MessageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageHits = Fire(messageSignals, context);
        var messageLogit = messageHits.Sum(h => h.Weight);
        var verdicts = new List<LinkVerdict>(context.Links.Count);
        foreach (var link in context.Links)
        {
            var linkContext = new LinkContext(link, context.History.For(link.Host, link.RegistrableDomain), context);
            var linkHits = Fire(linkSignals, linkContext);
            var logit = _options.Bias + messageLogit + linkHits.Sum(h => h.Weight);
            verdicts.Add(new LinkVerdict(link, Logistic(logit), Order([.. linkHits, .. messageHits])));
        }
        var score = verdicts.Count == 0 ? 0 : verdicts.Max(v => v.Score);
        return new MessageScore(score, verdicts, Order(messageHits));
    }

    private static List<SignalHit> Fire<T>(IReadOnlyList<Signal<T>> signals, T context)
    {
        var hits = new List<SignalHit>();
        foreach (var signal in signals)
            if (signal.Evaluate(context) is { } hit && hit.Weight != 0)
                hits.Add(hit);
        return hits;
    }

    private static List<SignalHit> Order(IEnumerable<SignalHit> hits) =>
        [.. hits.OrderByDescending(h => h.Weight > 0).ThenByDescending(h => Math.Abs(h.Weight))];

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
