using System.Collections.Concurrent;
using System.Diagnostics;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
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
/// One evaluation, top to bottom: load the data, replay each tenant's benign timeline (benign metrics, and which
/// messages came from established correspondents), build each split's attacks from that, replay again with the
/// attacks slotted in, print the tables per source and split.
/// </summary>
/// <remarks>Two passes because a lateral attack needs a message whose sender is established at that moment,
/// which only the replay knows. The replay is deterministic, so the second pass sees the same graph at every
/// instant (checked: the benign decisions of both passes must agree). Tenants: Enron is one (43 mailboxes, split by
/// mailbox); each modern mailbox is a tenant of its own, replayed once per split (split by time).</remarks>
public sealed class EvaluationRun(string? dataArgument, string split, int seed, int showMisses, TextWriter output, TextWriter log,
    string? writeDocs = null)
{
    private readonly SignalRates _rates = new();
    private readonly object _ratesLock = new();

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
        var wanted = splits.ToHashSet();

        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var mailboxes = EnronCorpus.Load(dataRoot, log);
        var extractor = new MessageLinkExtractor();
        var samples = PhishingCorpus.Load(dataRoot, extractor, out var unreadableSamples);
        var archive = ListCorpus.Load(dataRoot, out var unreadableList, out var undatedList);
        var modern = splits.SelectMany(s => ModernMailboxes.For(s, archive)).ToList();
        var urls = splits.ToDictionary(s => s, s => OpenPhishUrls.Load(dataRoot, s));
        var loadTime = watch.Elapsed;
        log.WriteLine(($"loaded {mailboxes.Count} mailboxes ({mailboxes.Sum(m => m.Messages.Count):N0} dated messages, " +
            $"{mailboxes.Sum(m => m.Unreadable)} unreadable, {mailboxes.Sum(m => m.Undated)} undated), {samples.Count} phishing samples " +
            $"({unreadableSamples} unreadable) and {archive.Count:N0} list messages ({unreadableList} unreadable, {undatedList} undated) " +
            $"in {loadTime.TotalSeconds:0.0} s"));

        var policy = new PolicyOptions();
        var enronReplay = new TimelineReplay(Scanner(extractor, policy, EnronCorpus.TenantDomain), extractor, mailboxes);
        var historyLinks = new ConcurrentDictionary<EmailMessage, IReadOnlyList<Link>>(ReferenceEqualityComparer.Instance);
        var modernReplays = modern.ToDictionary(m => m,
            m => new TimelineReplay(Scanner(extractor, policy, m.TenantDomain), extractor, [m], historyLinks));

        // Pass 1: the benign replays.
        watch.Restart();
        var benign = new ConcurrentBag<BenignOutcome>();
        var anchors = new Dictionary<Mailbox, List<CorpusMessage>>();
        enronReplay.Run([], (mailbox, message, verdict) =>
        {
            benign.Add(BenignOutcome.Of(mailbox, message, verdict));
            if (wanted.Contains(mailbox.Split))
                Tally(Sources.Enron + " benign", verdict, _ => true);
            var sender = (message.Message.From ?? message.Message.Sender)?.Normalized;
            if (verdict.History.Sender.IsEstablished && sender is not null && sender != mailbox.Owner)
                (anchors.TryGetValue(mailbox, out var list) ? list : anchors[mailbox] = []).Add(message);
        }, null);
        var ruleEstablished = new ConcurrentDictionary<CorpusMessage, bool>(ReferenceEqualityComparer.Instance);
        Parallel.ForEach(modernReplays, pair => pair.Value.Run([], (mailbox, message, verdict) =>
        {
            benign.Add(BenignOutcome.Of(mailbox, message, verdict));
            Tally(Sources.Modern + " benign", verdict, _ => true);
            if (verdict.History.Sender.IsEstablished)
                ruleEstablished[message] = true;
        }, null));
        var benignTime = watch.Elapsed;
        var replayed = enronReplay.Count + modernReplays.Values.Sum(r => r.Count);
        log.WriteLine(($"benign replay: {replayed:N0} messages ({benign.Count:N0} scored) in {benignTime.TotalSeconds:0.0} s"));

        // Attacks of each requested split, from that split's mailboxes and samples only.
        var builder = new AttackBuilder(seed);
        var modernBuilder = new ModernAttackBuilder(seed, dataRoot, extractor);
        var ruleSet = new HashSet<CorpusMessage>(ruleEstablished.Keys, ReferenceEqualityComparer.Instance);
        var attacks = splits.SelectMany(s => builder.Build(s,
            [.. mailboxes.Where(m => m.Split == s)], anchors, [.. samples.Where(p => p.Split == s)])).ToList();
        var modernAttacks = splits.SelectMany(s => modernBuilder.Build(s, [.. modern.Where(m => m.Split == s)], ruleSet,
            urls[s], [.. samples.Where(p => p.Split == s)])).ToList();

        // Pass 2: the same timelines with the attacks slotted in.
        watch.Restart();
        var attackOutcomes = new ConcurrentBag<AttackOutcome>();
        // Every mailbox has CorpusMessage objects of its own, even for the list mail all subscribers share.
        var benignByMessage = new Dictionary<CorpusMessage, BenignOutcome>(ReferenceEqualityComparer.Instance);
        foreach (var b in benign)
            benignByMessage[b.Message] = b;
        var disagreements = 0;
        void OnBenign(Mailbox mailbox, CorpusMessage message, ScanVerdict verdict)
        {
            if (benignByMessage[message].Action != verdict.Plan.Action)
                Interlocked.Increment(ref disagreements);
        }
        void OnAttack(Attack attack, ScanVerdict verdict)
        {
            attackOutcomes.Add(AttackOutcome.Of(attack, verdict));
            Tally($"{attack.Mailbox.Source} {ScenarioNames.Of(attack.Scenario)}", verdict, attack.IsInjected);
        }
        var processed = enronReplay.Run(attacks, OnBenign, OnAttack, stopAfterLastAttack: true);
        Parallel.ForEach(modernReplays, pair => Interlocked.Add(ref processed,
            pair.Value.Run([.. modernAttacks.Where(a => ReferenceEquals(a.Mailbox, pair.Key))], OnBenign, OnAttack, stopAfterLastAttack: true)));
        var attackTime = watch.Elapsed;
        var attackCount = attacks.Count + modernAttacks.Count;
        log.WriteLine(($"attack replay: {attackCount:N0} attacks over {processed:N0} messages in {attackTime.TotalSeconds:0.0} s"));
        if (disagreements > 0)
            log.WriteLine($"warning: {disagreements} benign decision(s) differed between the two passes; the replay is not deterministic");

        WriteHeader(dataRoot, policy, mailboxes, samples, anchors, archive, modern, urls, ruleSet);
        var benignList = benign.ToList();
        var attackList = attackOutcomes.ToList();
        foreach (var source in Sources.All)
        {
            var ofSource = source == Sources.Enron ? mailboxes : modern;
            foreach (var s in splits)
                WriteBlock($"{source} / {s.ToString().ToLowerInvariant()}", ofSource.Where(m => m.Split == s).ToList(),
                    samples.Count(p => p.Split == s), benignList, attackList);
            if (splits.Length > 1)
                WriteBlock($"{source} / all (tune + report)", ofSource, samples.Count, benignList, attackList);
        }

        var scored = benign.Count + attackCount;
        output.WriteLine(($"Timing: load {loadTime.TotalSeconds:0.0} s; benign replay {replayed:N0} messages in {benignTime.TotalSeconds:0.0} s " +
            $"({replayed / benignTime.TotalSeconds:N0} messages/s, {benign.Count:N0} of them scored); attack replay {attackCount:N0} attacks + " +
            $"{processed:N0} messages in {attackTime.TotalSeconds:0.0} s; total {total.Elapsed.TotalSeconds:0.0} s on {Environment.ProcessorCount} cores " +
            $"({scored:N0} messages scored)."));
        output.WriteLine();

        output.WriteLine($"### Signal firing rates ({string.Join(" + ", splits.Select(s => s.ToString().ToLowerInvariant()))})");
        output.WriteLine();
        var table = _rates.Table();
        output.WriteLine(table);
        if (writeDocs is not null)
        {
            ScoringDoc.WriteSignalRates(writeDocs, table, seed);
            log.WriteLine($"wrote the signal firing rates into {writeDocs}");
        }

        if (showMisses > 0)
            foreach (var source in Sources.All)
            {
                output.WriteLine($"## Misses: {source}");
                output.WriteLine();
                MissReport.Write(output, showMisses,
                    [.. benignList.Where(b => b.Mailbox.Source == source && wanted.Contains(b.Mailbox.Split))],
                    [.. attackList.Where(a => a.Attack.Mailbox.Source == source)]);
            }
        return 0;
    }

    private static MessageScanner Scanner(MessageLinkExtractor extractor, PolicyOptions policy, string tenantDomain) =>
        new(extractor, LinkScorer.Default, new PolicyEngine(policy), TenantProfile.For([tenantDomain]));

    private void Tally(string population, ScanVerdict verdict, Func<Link, bool> counts)
    {
        lock (_ratesLock)
            _rates.Add(population, verdict, counts);
    }

    private void WriteHeader(string dataRoot, PolicyOptions policy, IReadOnlyList<Mailbox> mailboxes, IReadOnlyList<PhishingSample> samples,
        Dictionary<Mailbox, List<CorpusMessage>> anchors, IReadOnlyList<ListMessage> archive, IReadOnlyList<Mailbox> modern,
        IReadOnlyDictionary<Split, IReadOnlyList<string>> urls, IReadOnlySet<CorpusMessage> ruleSet)
    {
        output.WriteLine("## M365Scanner evaluation");
        output.WriteLine();
        output.WriteLine(($"Data {dataRoot}; seed {seed}; rewrite threshold {policy.RewriteThreshold:0.00}, quarantine threshold " +
            $"{policy.QuarantineThreshold:0.00} (established senders {(policy.QuarantineEstablishedSenders ? "" : "never ")}quarantined); " +
            $"{samples.Count(s => s.UrlCandidates.Count > 0)} samples with a plantable URL, {samples.Count(s => s.LinkedPdfs.Count > 0)} with a PDF that yields links, " +
            $"{samples.Count(s => s.LinkCount == 0)} with no link at all."));
        output.WriteLine();
        output.WriteLine(($"Enron: history = oldest {EnronCorpus.HistoryShare:P0} of each inbox; {AttackBuilder.PerMailbox} lateral attacks per mailbox and scenario; " +
            $"one tenant ({EnronCorpus.TenantDomain}) of {mailboxes.Count} mailboxes split by mailbox; " +
            $"{mailboxes.Count(m => anchors.GetValueOrDefault(m)?.Count is not >= AttackBuilder.PerMailbox)} mailboxes have fewer than " +
            $"{AttackBuilder.PerMailbox} test messages from an established correspondent ({mailboxes.Count(m => !anchors.ContainsKey(m))} have none), " +
            $"{mailboxes.Count(m => anchors.GetValueOrDefault(m)?.Count is not >= 2 * AttackBuilder.PerMailbox)} fewer than {2 * AttackBuilder.PerMailbox} (lateral-pdf then reuses lateral-body's messages)."));
        output.WriteLine();
        output.WriteLine(($"Modern: {archive.Count:N0} list messages ({archive[0].Date:yyyy-MM} to {archive[^1].Date:yyyy-MM}); mailboxes " +
            $"{string.Join(", ", ModernMailboxes.Owners)}, each its own tenant (its domain); split by time: tune scores " +
            $"{TimeSplit.TuneFrom:yyyy-MM} to {TimeSplit.ReportFrom.AddMonths(-1):yyyy-MM}, report from {TimeSplit.ReportFrom:yyyy-MM}, each against all the " +
            $"list mail before its first month plus the owner's own posts (learned as sent); {ModernAttackBuilder.PerMailbox} lateral attacks per mailbox, " +
            $"scenario and split; OpenPhish URLs {string.Join(", ", urls.Select(u => $"{u.Key.ToString().ToLowerInvariant()} {u.Value.Count:N0}"))}; " +
            $"scored messages and carriers (established by the scanner's rule / by 3+ messages before) per mailbox: " +
            string.Join(", ", modern.Select(m => Carriers(m, ruleSet))) + "."));
        output.WriteLine();
    }

    private static string Carriers(Mailbox mailbox, IReadOnlySet<CorpusMessage> ruleSet)
    {
        var carriers = ModernAttackBuilder.Carriers(mailbox, ruleSet);
        return $"{mailbox.Name} {mailbox.Test.Count():N0} scored, {carriers.Count(c => c.Groups.HasFlag(CarrierGroups.ScannerRule)):N0} / " +
               $"{carriers.Count(c => c.Groups.HasFlag(CarrierGroups.MessageCount)):N0}";
    }

    private void WriteBlock(string name, IReadOnlyList<Mailbox> mailboxes, int sampleCount,
        IEnumerable<BenignOutcome> benign, IEnumerable<AttackOutcome> attacks)
    {
        var included = mailboxes.ToHashSet(ReferenceEqualityComparer.Instance);
        MarkdownReport.Write(output, SplitMetrics.Of(name, mailboxes.Count, sampleCount,
            [.. benign.Where(b => included.Contains(b.Mailbox))],
            [.. attacks.Where(a => included.Contains(a.Attack.Mailbox))]));
    }
}
