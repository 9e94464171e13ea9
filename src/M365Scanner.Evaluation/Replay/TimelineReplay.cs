using System.Collections.Concurrent;
using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Scanning;
using M365Scanner.Evaluation.Attacks;
using M365Scanner.Evaluation.Data;
using M365Scanner.Storage.InMemory;

namespace M365Scanner.Evaluation.Replay;

/// <summary>
/// Replays every mailbox of the tenant in one global date order into one shared correspondence graph, exactly as
/// production would see the mail arrive: a history message is learned (not scored); a test message is scored with
/// "now" = its date, then learned through <see cref="MessageScanner.Learn"/> (flagged links are not learned).
/// Attacks are slotted into the timeline, scored against the graph as it is at that moment, and never learned, so
/// the benign replay is the same with or without them.
/// </summary>
public sealed class TimelineReplay
{
    private readonly MessageScanner _scanner;
    private readonly MessageLinkExtractor _extractor;
    private readonly List<(Mailbox Mailbox, CorpusMessage Message)> _timeline;
    private readonly Dictionary<CorpusMessage, int> _position = new(ReferenceEqualityComparer.Instance);
    // History is learned in every pass; its links are extracted once, and once for every mailbox that received the
    // same message (list mail), hence keyed by the message and shareable between replays.
    private readonly ConcurrentDictionary<EmailMessage, IReadOnlyList<Link>> _historyLinks;

    /// <param name="historyLinks">Links of history messages already extracted, shared by replays of mailboxes that
    /// received the same messages; null for a cache of this replay's own.</param>
    public TimelineReplay(MessageScanner scanner, MessageLinkExtractor extractor, IReadOnlyList<Mailbox> mailboxes,
        ConcurrentDictionary<EmailMessage, IReadOnlyList<Link>>? historyLinks = null)
    {
        _scanner = scanner;
        _extractor = extractor;
        _historyLinks = historyLinks ?? new(ReferenceEqualityComparer.Instance);
        _timeline = [.. mailboxes
            .SelectMany(m => m.Messages.Select(c => (Mailbox: m, Message: c)))
            .OrderBy(e => e.Message.Date)
            .ThenBy(e => e.Mailbox.Name, StringComparer.Ordinal)
            .ThenBy(e => e.Message.File, StringComparer.Ordinal)];
        for (var i = 0; i < _timeline.Count; i++)
            _position[_timeline[i].Message] = i;
    }

    public int Count => _timeline.Count;

    public int HistoryCount => _timeline.Count(e => e.Message.IsHistory);

    /// <summary>Runs the whole timeline into a fresh graph.</summary>
    /// <param name="onTest">Called for each scored test message with its verdict (before it is learned).</param>
    /// <param name="onAttack">Called for each attack with its verdict.</param>
    /// <param name="stopAfterLastAttack">End the pass once every attack is scored (the rest cannot change them).</param>
    /// <returns>The number of timeline messages processed (learned or scored).</returns>
    public int Run(IReadOnlyList<Attack> attacks,
        Action<Mailbox, CorpusMessage, ScanVerdict>? onTest,
        Action<Attack, ScanVerdict>? onAttack,
        bool stopAfterLastAttack = false)
    {
        var graph = new CorrespondenceGraph(new InMemoryCorrespondenceStore());
        var slotted = attacks
            .Select((a, i) => (Attack: a, At: PositionOf(a), Order: i))
            .OrderBy(s => s.At).ThenBy(s => s.Attack.Date).ThenBy(s => s.Order)
            .ToList();
        var next = 0;
        var processed = 0;
        for (var i = 0; i < _timeline.Count; i++)
        {
            for (; next < slotted.Count && slotted[next].At == i; next++)
                ScoreAttack(slotted[next].Attack, graph, onAttack);
            if (stopAfterLastAttack && next == slotted.Count)
                return processed;

            var (mailbox, message) = _timeline[i];
            if (message.IsHistory)
            {
                var links = _historyLinks.GetOrAdd(message.Message, m => _extractor.Extract(m).Links);
                graph.Learn(message.Message, mailbox.Owner, links, message.Date);
            }
            else
            {
                var verdict = _scanner.Scan(message.Message, mailbox.Owner, graph, message.Date);
                onTest?.Invoke(mailbox, message, verdict);
                MessageScanner.Learn(verdict, mailbox.Owner, graph, message.Date);
            }
            processed++;
        }
        for (; next < slotted.Count; next++)
            ScoreAttack(slotted[next].Attack, graph, onAttack);
        return processed;
    }

    private void ScoreAttack(Attack attack, CorrespondenceGraph graph, Action<Attack, ScanVerdict>? onAttack)
    {
        var verdict = _scanner.Scan(attack.Message, attack.Mailbox.Owner, graph, attack.Date);
        onAttack?.Invoke(attack, verdict);
    }

    // A lateral attack goes just before the real message it was made from (the graph then is what established its
    // sender); an external one after every message dated at or before it.
    private int PositionOf(Attack attack)
    {
        if (attack.Anchor is { } anchor)
            return _position[anchor];
        int lo = 0, hi = _timeline.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_timeline[mid].Message.Date <= attack.Date) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
