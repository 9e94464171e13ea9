using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Scoring;

namespace M365Scanner.Core.Scanning;

/// <summary>
/// The core pipeline for one delivered message, read top to bottom: extract links, read the sender's and the links'
/// history from the graph, score, decide. The same code serves the offline CLI, the live worker and retro-hunts.
/// </summary>
public sealed class MessageScanner(MessageLinkExtractor extractor, LinkScorer scorer, PolicyEngine policy, TenantProfile tenant)
{
    public TenantProfile Tenant => tenant;

    /// <param name="now">The scoring instant: delivery time live, the Date header offline; never the wall clock here.</param>
    public ScanVerdict Scan(EmailMessage message, string mailbox, CorrespondenceGraph graph, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(graph);
        var extraction = extractor.Extract(message);
        var history = graph.Describe(message, mailbox, extraction.Links);
        var context = new MessageContext(message, mailbox, extraction.Links, history, tenant, now);
        var score = scorer.Score(context);
        var plan = policy.Decide(score, context, extraction.Gaps);
        return new ScanVerdict(message, extraction, history, score, plan);
    }

    /// <summary>
    /// Teaches the graph what the verdict found normal: a quarantined message teaches nothing, a rewritten one
    /// teaches its relationship and its unflagged links, an allowed one everything. Flagged links are never learned,
    /// so an attacker cannot make a destination normal by sending it repeatedly.
    /// </summary>
    public static void Learn(ScanVerdict verdict, string mailbox, CorrespondenceGraph graph, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(graph);
        if (verdict.Plan.Action == MessageAction.Quarantine)
            return;
        var normal = verdict.Extraction.Links.Where(l => !verdict.IsFlagged(l)).ToList();
        graph.Learn(verdict.Message, mailbox, normal, at);
    }
}
