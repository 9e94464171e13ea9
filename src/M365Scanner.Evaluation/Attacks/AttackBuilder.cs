using M365Scanner.Core.Links;
using M365Scanner.Evaluation.Data;
using M365Scanner.Evaluation.Splits;

namespace M365Scanner.Evaluation.Attacks;

/// <summary>
/// Builds one split's attacks, deterministically from the run's seed. Every random draw is seeded by the seed and
/// what it is for (the mailbox, the sample), so one split's attacks are the same whichever splits a run reports.
/// </summary>
public sealed class AttackBuilder(int seed)
{
    /// <summary>Lateral attacks per mailbox and scenario.</summary>
    public const int PerMailbox = 5;

    /// <param name="mailboxes">The split's mailboxes.</param>
    /// <param name="anchors">Per mailbox, its test-period messages whose sender was an established correspondent
    /// when the message arrived (from the benign replay), in timeline order.</param>
    /// <param name="samples">The split's phishing samples.</param>
    public List<Attack> Build(Split split, IReadOnlyList<Mailbox> mailboxes,
        IReadOnlyDictionary<Mailbox, List<CorpusMessage>> anchors, IReadOnlyList<PhishingSample> samples)
    {
        var attacks = new List<Attack>();
        var withUrl = samples.Where(s => s.UrlCandidates.Count > 0).ToList();
        var withPdf = samples.Where(s => s.LinkedPdfs.Count > 0).ToList();

        foreach (var mailbox in mailboxes)
        {
            var rng = new Random(StableHash.Seed(seed, $"lateral/{mailbox.Name}"));
            var pool = anchors.GetValueOrDefault(mailbox) ?? [];
            var shuffled = pool.OrderBy(_ => rng.Next()).ToList();
            // Different messages for the two scenarios when the mailbox has enough; reuse otherwise.
            var forBody = shuffled.Take(PerMailbox).ToList();
            var forPdf = shuffled.Skip(PerMailbox).Take(PerMailbox).ToList();
            if (forPdf.Count < PerMailbox)
                forPdf.AddRange(shuffled.Take(PerMailbox - forPdf.Count));

            if (withUrl.Count > 0)
                foreach (var anchor in forBody)
                    attacks.Add(LateralBody(split, mailbox, anchor, withUrl[rng.Next(withUrl.Count)]));
            if (withPdf.Count > 0)
                foreach (var anchor in forPdf)
                    attacks.Add(LateralPdf(split, mailbox, anchor, withPdf[rng.Next(withPdf.Count)], rng));
        }

        if (mailboxes.Count > 0)
        {
            foreach (var sample in samples)
            {
                var rng = new Random(StableHash.Seed(seed, $"external/{sample.Name}"));
                var mailbox = mailboxes[rng.Next(mailboxes.Count)];
                var (from, to) = mailbox.TestPeriod;
                var date = from.AddTicks((long)(rng.NextDouble() * (to - from).Ticks));
                attacks.Add(new Attack(Scenario.External, split, mailbox, Readdressing.To(sample.Message, mailbox.Owner, date),
                    date, null, sample, "(the whole sample)", _ => true));
            }
        }
        return attacks;
    }

    /// <summary>The phishing URL planted from <paramref name="sample"/>: one of its candidates, drawn per sample.</summary>
    public Link PhishingUrl(PhishingSample sample)
    {
        var rng = new Random(StableHash.Seed(seed, $"url/{sample.Name}"));
        return sample.UrlCandidates[rng.Next(sample.UrlCandidates.Count)];
    }

    private Attack LateralBody(Split split, Mailbox mailbox, CorpusMessage anchor, PhishingSample sample)
    {
        var planted = PhishingUrl(sample);
        var url = planted.Url;
        var target = planted.Target;
        return new Attack(Scenario.LateralBody, split, mailbox, LinkInjection.Inject(anchor.Message, url), anchor.Date,
            anchor, sample, url, l => l.Url == url || l.Target == target);
    }

    private static Attack LateralPdf(Split split, Mailbox mailbox, CorpusMessage anchor, PhishingSample sample, Random rng)
    {
        var pdf = sample.LinkedPdfs[rng.Next(sample.LinkedPdfs.Count)];
        var message = anchor.Message with { Attachments = [.. anchor.Message.Attachments, pdf] };
        return new Attack(Scenario.LateralPdf, split, mailbox, message, anchor.Date, anchor, sample, pdf.FileName,
            l => PhishingCorpus.IsFrom(l, pdf.FileName));
    }
}
