using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;
using M365Scanner.Storage.InMemory;

namespace M365Scanner.Core.Tests.Correspondence;

/// <summary>A baseline page learned at once must leave the graph exactly as learning its messages one by one, and
/// reach the store as one batch of at most two writes.</summary>
public class LearnAllTests
{
    private const string Bob = "bob@tenant.example", Carol = "carol@tenant.example";
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly EmailAddress Alice = new("alice@partner.example");
    private static readonly Link Docs = WebLink("docs.partner.example", "partner.example");
    private static readonly Link Evil = WebLink("login.evil.example", "evil.example");

    [Fact]
    public void LearnAll_LeavesTheGraphAsLearningOneByOne_IncludingAReplyToAThreadBegunEarlierInThePage()
    {
        var oneByOne = new CorrespondenceGraph(new InMemoryCorrespondenceStore());
        foreach (var m in Page())
            oneByOne.Learn(m.Message, m.Mailbox, m.Links, m.At);
        var atOnce = new CorrespondenceGraph(new InMemoryCorrespondenceStore());

        atOnce.LearnAll(Page());

        foreach (var mailbox in new[] { Bob, Carol })
        {
            var expected = oneByOne.Describe(Incoming(mailbox), mailbox, [Docs, Evil]);
            var actual = atOnce.Describe(Incoming(mailbox), mailbox, [Docs, Evil]);
            Assert.Equal(expected.Sender, actual.Sender);
            Assert.Equal(expected.ByHost.OrderBy(h => h.Key), actual.ByHost.OrderBy(h => h.Key));
        }
        // Alice's reply came to Bob's own thread, sent earlier in the same page: she is solicited, at the reply's time.
        Assert.Equal(new Tally(1, T0.AddDays(1), T0.AddDays(1)), atOnce.Describe(Incoming(Bob), Bob, []).Sender.Solicited);
        Assert.Equal(2, atOnce.Describe(Incoming(Bob), Bob, [Docs]).For(Docs.Host, Docs.RegistrableDomain).TenantMailboxes?.Count);
    }

    [Fact]
    public void LearnAll_WritesOneBatchOfAtMostTwoAdds_WithTheMarksAlongside()
    {
        var store = new CountingStore();
        var mark = new EdgeObservation(new EdgeKey(EdgeKind.BaselineMessage, Bob, "page-1-message-1"), T0);

        new CorrespondenceGraph(store).LearnAll(Page(), [mark]);

        Assert.Equal(1, store.Batches);
        Assert.Equal(2, store.Adds); // the page's edges with the mark, then the tenant prevalence of the new ones
        Assert.Single(store.Read([mark.Key]));
    }

    [Fact]
    public void LearnAll_OfNothing_DoesNotTouchTheStore()
    {
        var store = new CountingStore();
        new CorrespondenceGraph(store).LearnAll([]);
        Assert.Equal((0, 0), (store.Batches, store.Adds));
    }

    /// <summary>Bob writes to Alice (thread t1); Alice replies with the docs link; Alice writes to Carol too.</summary>
    private static List<MessageToLearn> Page() =>
    [
        new(new EmailMessage { From = new EmailAddress(Bob), To = [Alice], InternetMessageId = "<t1@tenant.example>" }, Bob, [], T0),
        new(new EmailMessage { From = Alice, To = [new EmailAddress(Bob)], InReplyTo = "<t1@tenant.example>" }, Bob, [Docs], T0.AddDays(1)),
        new(new EmailMessage { From = Alice, To = [new EmailAddress(Carol)] }, Carol, [Docs], T0.AddDays(2)),
    ];

    private static EmailMessage Incoming(string to) => new() { From = Alice, To = [new EmailAddress(to)] };

    private static Link WebLink(string host, string domain) => new()
    {
        Url = $"https://{host}/x", Target = $"https://{host}/x", Kind = LinkKind.Web, Host = host, UnicodeHost = host,
        RegistrableDomain = domain, Origin = LinkOrigin.Body, Source = LinkSource.Anchor,
    };

    private sealed class CountingStore : ICorrespondenceStore
    {
        private readonly InMemoryCorrespondenceStore _inner = new();
        public int Batches { get; private set; }
        public int Adds { get; private set; }

        public IReadOnlyDictionary<EdgeKey, Tally> Read(IReadOnlyCollection<EdgeKey> keys) => _inner.Read(keys);

        public IReadOnlySet<EdgeKey> Add(IReadOnlyCollection<EdgeObservation> observations)
        {
            Adds++;
            return _inner.Add(observations);
        }

        public IDisposable BeginBatch()
        {
            Batches++;
            return _inner.BeginBatch();
        }
    }
}
