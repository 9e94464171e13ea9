using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;

namespace M365Scanner.Benchmarks.Correspondence;

/// <summary>
/// A deterministic stand-in for one mailbox's history: correspondents and link domains drawn with Zipf-like
/// popularity (a few partners write most of the mail), dates spread over two years in order, a fifth of the mail
/// sent by the owner, a share of replies to the owner's threads, and 30% of messages carrying 1-5 links.
/// </summary>
public sealed class SyntheticMailbox
{
    public const string Owner = "owner@tenant.example";

    private SyntheticMailbox(IReadOnlyList<(EmailMessage Message, IReadOnlyList<Link> Links, DateTimeOffset At)> history, int correspondents)
    {
        History = history;
        Correspondents = correspondents;
    }

    public IReadOnlyList<(EmailMessage Message, IReadOnlyList<Link> Links, DateTimeOffset At)> History { get; }

    public int Correspondents { get; }

    public static SyntheticMailbox Generate(int messages = 100_000, int correspondents = 2_000, int linkDomains = 3_000, int seed = 20240301)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var span = TimeSpan.FromDays(730).TotalSeconds;

        // ~1 organisation per 5 correspondents, and one in ten correspondents at a freemail provider.
        var people = Enumerable.Range(0, correspondents).Select(i => i % 10 == 9
            ? new EmailAddress($"person{i}@gmail.com")
            : new EmailAddress($"first.last{i}@org{i / 5}.example")).ToArray();
        var domains = Enumerable.Range(0, linkDomains).Select(i => $"site{i}.example").ToArray();
        var pickPerson = Zipf(correspondents);
        var pickDomain = Zipf(linkDomains);
        var sentIds = new List<string>();

        var times = Enumerable.Range(0, messages).Select(_ => start.AddSeconds((long)(random.NextDouble() * span))).Order().ToArray();
        var history = new List<(EmailMessage, IReadOnlyList<Link>, DateTimeOffset)>(messages);
        for (var n = 0; n < messages; n++)
        {
            var person = pickPerson(random);
            EmailMessage message;
            if (random.NextDouble() < 0.2)
            {
                var id = $"<m{n}@tenant.example>";
                sentIds.Add(id);
                var to = Enumerable.Range(0, random.Next(1, 4)).Select(_ => people[pickPerson(random)]).ToArray();
                message = new EmailMessage { From = new EmailAddress(Owner), To = to, InternetMessageId = id, SentAt = times[n] };
            }
            else
            {
                var replyTo = sentIds.Count > 0 && random.NextDouble() < 0.15 ? sentIds[random.Next(sentIds.Count)] : null;
                message = new EmailMessage
                {
                    From = people[person], To = [new EmailAddress(Owner)], SentAt = times[n],
                    InternetMessageId = $"<r{n}@{people[person].Domain}>", InReplyTo = replyTo,
                };
            }

            IReadOnlyList<Link> links = [];
            if (random.NextDouble() < 0.3)
            {
                // Half the links go to one of the sender's own three habitual sites, half anywhere on the web.
                links = [.. Enumerable.Range(0, random.Next(1, 6)).Select(_ =>
                {
                    var domain = random.NextDouble() < 0.5 ? domains[(person * 3 + random.Next(3)) % linkDomains] : domains[pickDomain(random)];
                    return WebLink(random.Next(3) switch { 0 => domain, 1 => "www." + domain, _ => "docs." + domain }, domain);
                })];
            }
            history.Add((message, links, times[n]));
        }
        return new SyntheticMailbox(history, correspondents);
    }

    /// <summary>A sampler of ranks 0..n-1 with probability proportional to 1/(rank+1).</summary>
    private static Func<Random, int> Zipf(int n)
    {
        var cumulative = new double[n];
        var total = 0.0;
        for (var i = 0; i < n; i++)
            cumulative[i] = total += 1.0 / (i + 1);
        return random =>
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * total);
            return Math.Min(index < 0 ? ~index : index, n - 1);
        };
    }

    internal static Link WebLink(string host, string domain) => new()
    {
        Url = $"https://{host}/page",
        Target = $"https://{host}/page",
        Kind = LinkKind.Web,
        Host = host,
        UnicodeHost = host,
        RegistrableDomain = domain,
        Origin = LinkOrigin.Body,
        Source = LinkSource.Anchor,
    };
}
