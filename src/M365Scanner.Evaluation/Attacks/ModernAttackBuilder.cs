using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Evaluation.Data;
using M365Scanner.Evaluation.Splits;
using MimeKit;

namespace M365Scanner.Evaluation.Attacks;

/// <summary>
/// Builds one split's attacks on the modern mailboxes, deterministically from the run's seed: lateral-body (an
/// OpenPhish URL written into a real later message of an established poster, in the MIME message itself, see
/// <see cref="ListLinkInjection"/>), lateral-pdf (a real phishing PDF attached to such a message) and external (the
/// split's phishing samples re-addressed).
/// </summary>
/// <remarks>A carrier is a scored message, not the owner's own, whose author had 3 or more messages in the
/// mailbox before it (any span), or whose sender the scanner called established when it arrived; each attack
/// records which (<see cref="CarrierGroups"/>) and the table reports both groups.</remarks>
public sealed class ModernAttackBuilder(int seed, string dataRoot, MessageLinkExtractor extractor)
{
    /// <summary>Lateral attacks per mailbox and scenario (4 mailboxes: 160 per scenario and split).</summary>
    public const int PerMailbox = 40;

    /// <summary>Messages from the same author before a carrier that make it established "by count".</summary>
    public const int EstablishedByCount = 3;

    /// <param name="ruleEstablished">The scored messages whose sender the scanner called established (pass 1).</param>
    public List<Attack> Build(Split split, IReadOnlyList<Mailbox> mailboxes, IReadOnlySet<CorpusMessage> ruleEstablished,
        IReadOnlyList<string> urls, IReadOnlyList<PhishingSample> samples)
    {
        var attacks = new List<Attack>();
        var withPdf = samples.Where(s => s.LinkedPdfs.Count > 0).ToList();
        foreach (var mailbox in mailboxes)
        {
            var rng = new Random(StableHash.Seed(seed, $"lateral/{mailbox.Name}"));
            var pool = Carriers(mailbox, ruleEstablished).OrderBy(_ => rng.Next()).ToList();
            var used = 0;
            if (urls.Count > 0)
                for (var taken = 0; used < pool.Count && taken < PerMailbox; used++)
                    if (LateralBody(split, mailbox, pool[used], urls[rng.Next(urls.Count)], rng) is { } attack)
                    {
                        attacks.Add(attack);
                        taken++;
                    }
            if (withPdf.Count > 0)
                foreach (var (carrier, groups) in pool.Skip(used).Take(PerMailbox))
                    attacks.Add(LateralPdf(split, mailbox, carrier, groups, withPdf[rng.Next(withPdf.Count)], rng));
        }
        if (mailboxes.Count > 0)
            foreach (var sample in samples)
            {
                var rng = new Random(StableHash.Seed(seed, $"external-modern/{sample.Name}"));
                var mailbox = mailboxes[rng.Next(mailboxes.Count)];
                var (from, to) = mailbox.TestPeriod;
                var date = from.AddTicks((long)(rng.NextDouble() * (to - from).Ticks));
                attacks.Add(new Attack(Scenario.External, split, mailbox, Readdressing.To(sample.Message, mailbox.Owner, date),
                    date, null, sample, "(the whole sample)", _ => true) { Carrier = CarrierGroups.None });
            }
        return attacks;
    }

    /// <summary>The mailbox's scored messages fit to carry a lateral attack, in timeline order, with why.</summary>
    public static List<(CorpusMessage Carrier, CarrierGroups Groups)> Carriers(Mailbox mailbox, IReadOnlySet<CorpusMessage> ruleEstablished)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var before = new Dictionary<string, int>(StringComparer.Ordinal);
        var carriers = new List<(CorpusMessage, CarrierGroups)>();
        foreach (var message in mailbox.Messages)
        {
            if (message.Author is not { } author || author == mailbox.Owner)
                continue;
            var count = before.GetValueOrDefault(author);
            if (!message.IsHistory)
            {
                var groups = (ruleEstablished.Contains(message) ? CarrierGroups.ScannerRule : CarrierGroups.None) |
                             (count >= EstablishedByCount ? CarrierGroups.MessageCount : CarrierGroups.None);
                if (groups != CarrierGroups.None)
                    carriers.Add((message, groups));
            }
            before[author] = count + 1;
        }
        return carriers;
    }

    private Attack? LateralBody(Split split, Mailbox mailbox, (CorpusMessage Carrier, CarrierGroups Groups) pick, string url, Random rng)
    {
        var wording = Wording.All[rng.Next(Wording.All.Count)];
        var placement = (Placement)rng.Next(Enum.GetValues<Placement>().Length);
        var mime = MimeMessage.Load(Path.Combine(dataRoot, pick.Carrier.File));
        if (ListLinkInjection.Inject(mime, url, wording, placement).Count == 0)
            return null;
        using var bytes = new MemoryStream();
        mime.WriteTo(bytes);
        bytes.Position = 0;
        var delivered = EmlReader.Read(bytes);
        var target = extractor.Extract(new EmailMessage { TextBody = url + "\n" }).Links.FirstOrDefault()?.Target;
        return new Attack(Scenario.LateralBody, split, mailbox, delivered, pick.Carrier.Date, pick.Carrier,
            new PhishingSample("openphish", OpenPhishUrls.File, new EmailMessage(), split, 1, [], []), url,
            l => l.Url == url || (target is not null && l.Target == target)) { Carrier = pick.Groups };
    }

    private static Attack LateralPdf(Split split, Mailbox mailbox, CorpusMessage carrier, CarrierGroups groups, PhishingSample sample, Random rng)
    {
        var pdf = sample.LinkedPdfs[rng.Next(sample.LinkedPdfs.Count)];
        var message = carrier.Message with { Attachments = [.. carrier.Message.Attachments, pdf] };
        return new Attack(Scenario.LateralPdf, split, mailbox, message, carrier.Date, carrier, sample, pdf.FileName,
            l => PhishingCorpus.IsFrom(l, pdf.FileName)) { Carrier = groups };
    }
}
