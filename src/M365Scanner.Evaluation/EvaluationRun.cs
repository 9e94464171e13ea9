using System.Diagnostics;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Scanning;
using M365Scanner.Core.Scoring;
using M365Scanner.Evaluation.Attacks;
using M365Scanner.Evaluation.Data;
using M365Scanner.Evaluation.Replay;
using M365Scanner.Evaluation.Reporting;
using M365Scanner.Evaluation.Splits;

namespace M365Scanner.Evaluation;

/// <summary>
/// One evaluation, top to bottom: load the data, replay the benign timeline (benign metrics, and which messages
/// came from established correspondents), build each split's attacks from that, replay again with the attacks
/// slotted in, print the table.
/// </summary>
/// <remarks>Two passes because a lateral attack needs a message whose sender is established at that moment,
/// which only the replay knows. The replay is deterministic, so the second pass sees the same graph at every
/// instant (checked: the benign decisions of both passes must agree).</remarks>
public sealed class EvaluationRun(string? dataArgument, string split, int seed, int showMisses, TextWriter output, TextWriter log)
{
    public int Execute()
    {
        string dataRoot;
        try
        {
            dataRoot = DataRoot.Resolve(dataArgument);
        }
        catch (DirectoryNotFoundException ex)
        {
            log.WriteLine(ex.Message);
            return EvaluationApp.BadArguments;
        }
        Split[] splits = split switch { "tune" => [Split.Tune], "report" => [Split.Report], _ => [Split.Tune, Split.Report] };

        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var mailboxes = EnronCorpus.Load(dataRoot, log);
        var extractor = new MessageLinkExtractor();
        var samples = PhishingCorpus.Load(dataRoot, extractor, out var unreadableSamples);
        var loadTime = watch.Elapsed;
        log.WriteLine(($"loaded {mailboxes.Count} mailboxes ({mailboxes.Sum(m => m.Messages.Count):N0} dated messages, " +
            $"{mailboxes.Sum(m => m.Unreadable)} unreadable, {mailboxes.Sum(m => m.Undated)} undated) and {samples.Count} phishing samples " +
            $"({unreadableSamples} unreadable) in {loadTime.TotalSeconds:0.0} s"));

        var policy = new PolicyOptions();
        var scanner = new MessageScanner(extractor, LinkScorer.Default, new PolicyEngine(policy), TenantProfile.For([EnronCorpus.TenantDomain]));
        var replay = new TimelineReplay(scanner, extractor, mailboxes);

        // Pass 1: the benign replay.
        watch.Restart();
        var benign = new List<BenignOutcome>();
        var anchors = new Dictionary<EnronMailbox, List<CorpusMessage>>();
        replay.Run([], (mailbox, message, verdict) =>
        {
            benign.Add(BenignOutcome.Of(mailbox, message, verdict));
            var sender = (message.Message.From ?? message.Message.Sender)?.Normalized;
            if (verdict.History.Sender.IsEstablished && sender is not null && sender != mailbox.Owner)
                (anchors.TryGetValue(mailbox, out var list) ? list : anchors[mailbox] = []).Add(message);
        }, null);
        var benignTime = watch.Elapsed;
        log.WriteLine(($"benign replay: {replay.Count:N0} messages ({benign.Count:N0} scored) in {benignTime.TotalSeconds:0.0} s"));

        // Attacks of each requested split, from that split's mailboxes and samples only.
        var builder = new AttackBuilder(seed);
        var attacks = splits.SelectMany(s => builder.Build(s,
            [.. mailboxes.Where(m => m.Split == s)], anchors, [.. samples.Where(p => p.Split == s)])).ToList();

        // Pass 2: the same timeline with the attacks slotted in.
        watch.Restart();
        var attackOutcomes = new List<AttackOutcome>();
        var benignByMessage = new Dictionary<CorpusMessage, BenignOutcome>(ReferenceEqualityComparer.Instance);
        foreach (var b in benign)
            benignByMessage[b.Message] = b;
        var disagreements = 0;
        var processed = replay.Run(attacks,
            (_, message, verdict) => { if (benignByMessage[message].Action != verdict.Plan.Action) disagreements++; },
            (attack, verdict) => attackOutcomes.Add(AttackOutcome.Of(attack, verdict)),
            stopAfterLastAttack: true);
        var attackTime = watch.Elapsed;
        log.WriteLine(($"attack replay: {attacks.Count:N0} attacks over {processed:N0} messages in {attackTime.TotalSeconds:0.0} s"));
        if (disagreements > 0)
            log.WriteLine($"warning: {disagreements} benign decision(s) differed between the two passes; the replay is not deterministic");

        WriteHeader(dataRoot, policy, mailboxes, samples, anchors);
        foreach (var s in splits)
            WriteBlock(s.ToString().ToLowerInvariant(), mailboxes.Where(m => m.Split == s).ToList(), samples.Count(p => p.Split == s), benign, attackOutcomes);
        if (splits.Length > 1)
            WriteBlock("all (tune + report)", mailboxes, samples.Count, benign, attackOutcomes);

        var scored = benign.Count + attacks.Count;
        output.WriteLine(($"Timing: load {loadTime.TotalSeconds:0.0} s; benign replay {replay.Count:N0} messages in {benignTime.TotalSeconds:0.0} s " +
            $"({replay.Count / benignTime.TotalSeconds:N0} messages/s, {benign.Count:N0} of them scored); attack replay {attacks.Count:N0} attacks + " +
            $"{processed:N0} messages in {attackTime.TotalSeconds:0.0} s; total {total.Elapsed.TotalSeconds:0.0} s on {Environment.ProcessorCount} cores " +
            $"({scored:N0} messages scored)."));
        output.WriteLine();

        if (showMisses > 0)
        {
            var wanted = splits.ToHashSet();
            MissReport.Write(output, showMisses,
                [.. benign.Where(b => wanted.Contains(b.Mailbox.Split))], attackOutcomes);
        }
        return 0;
    }

    private void WriteHeader(string dataRoot, PolicyOptions policy, IReadOnlyList<EnronMailbox> mailboxes, IReadOnlyList<PhishingSample> samples,
        Dictionary<EnronMailbox, List<CorpusMessage>> anchors)
    {
        output.WriteLine("## M365Scanner evaluation");
        output.WriteLine();
        output.WriteLine(($"Data {dataRoot}; seed {seed}; rewrite threshold {policy.RewriteThreshold:0.00}, quarantine threshold " +
            $"{policy.QuarantineThreshold:0.00} (established senders {(policy.QuarantineEstablishedSenders ? "" : "never ")}quarantined); " +
            $"history = oldest {EnronCorpus.HistoryShare:P0} of each inbox; {AttackBuilder.PerMailbox} lateral attacks per mailbox and scenario; " +
            $"{samples.Count(s => s.UrlCandidates.Count > 0)} samples with a plantable URL, {samples.Count(s => s.LinkedPdfs.Count > 0)} with a PDF that yields links, " +
            $"{samples.Count(s => s.LinkCount == 0)} with no link at all; one tenant ({EnronCorpus.TenantDomain}) of {mailboxes.Count} mailboxes; " +
            $"{mailboxes.Count(m => anchors.GetValueOrDefault(m)?.Count is not >= AttackBuilder.PerMailbox)} mailboxes have fewer than " +
            $"{AttackBuilder.PerMailbox} test messages from an established correspondent ({mailboxes.Count(m => !anchors.ContainsKey(m))} have none), " +
            $"{mailboxes.Count(m => anchors.GetValueOrDefault(m)?.Count is not >= 2 * AttackBuilder.PerMailbox)} fewer than {2 * AttackBuilder.PerMailbox} (lateral-pdf then reuses lateral-body's messages)."));
        output.WriteLine();
    }

    private void WriteBlock(string name, IReadOnlyList<EnronMailbox> mailboxes, int sampleCount,
        IEnumerable<BenignOutcome> benign, IEnumerable<AttackOutcome> attacks)
    {
        var included = mailboxes.ToHashSet();
        MarkdownReport.Write(output, SplitMetrics.Of(name, mailboxes.Count, sampleCount,
            [.. benign.Where(b => included.Contains(b.Mailbox))],
            [.. attacks.Where(a => included.Contains(a.Attack.Mailbox))]));
    }
}
