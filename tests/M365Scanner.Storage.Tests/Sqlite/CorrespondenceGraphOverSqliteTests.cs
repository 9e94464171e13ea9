using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;
using M365Scanner.Storage.InMemory;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Tests.TestSupport;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>The real graph, learning and describing through a SQLite file, must see what it sees in memory.</summary>
public sealed class CorrespondenceGraphOverSqliteTests : IDisposable
{
    private const string Bob = "bob@tenant.example", Carol = "carol@tenant.example";
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly EmailAddress Alice = new("Alice@Partner.example");

    private readonly TempDatabaseFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public void Describe_CountsHistory_WhenLearnedThroughSqlite()
    {
        MessageHistory history;
        using (var store = SqliteCorrespondenceStore.OpenFile(_file.Path))
            LearnScenario(new CorrespondenceGraph(store));
        // Reopened, so the answer comes from the file and not from anything the first store held.
        using (var store = SqliteCorrespondenceStore.OpenFile(_file.Path))
            history = new CorrespondenceGraph(store).Describe(Incoming(), Bob, [Docs, Evil]);

        Assert.Equal(new Tally(3, T0, T0.AddDays(20)), history.Sender.ReceivedFrom);
        Assert.Equal(1, history.Sender.SentTo?.Count);
        Assert.Equal(4, history.Sender.SenderMessages?.Count);
        Assert.Equal(4, history.Sender.SenderMessagesWithLinks?.Count);
        Assert.True(history.Sender.IsEstablished);

        var docs = history.For(Docs.Host, Docs.RegistrableDomain);
        Assert.Equal(4, docs.BySender?.Count);
        Assert.Equal(4, docs.BySenderDomain?.Count);
        Assert.Equal(3, docs.InMailbox?.Count);
        Assert.Equal(1, docs.TenantSenders?.Count);
        Assert.Equal(2, docs.TenantMailboxes?.Count);
        Assert.Equal(LinkHistory.Unknown("evil.example", "login.evil.example"), history.For(Evil.Host, Evil.RegistrableDomain));
    }

    [Fact]
    public void Describe_MatchesInMemoryStore_WhenSameScenarioLearned()
    {
        var memory = new CorrespondenceGraph(new InMemoryCorrespondenceStore());
        LearnScenario(memory);
        using var store = SqliteCorrespondenceStore.OpenFile(_file.Path);
        var sqlite = new CorrespondenceGraph(store);
        using (store.BeginBatch())
            LearnScenario(sqlite);

        var expected = memory.Describe(Incoming(), Bob, [Docs, Evil]);
        var actual = sqlite.Describe(Incoming(), Bob, [Docs, Evil]);

        Assert.Equal(expected.Sender, actual.Sender);
        Assert.Equal(expected.ByHost.OrderBy(h => h.Key), actual.ByHost.OrderBy(h => h.Key));
    }

    /// <summary>Alice writes to Bob three times with a docs link, Bob writes back once, and Carol hears from
    /// Alice with the same link once.</summary>
    private static void LearnScenario(CorrespondenceGraph graph)
    {
        foreach (var day in new[] { 0, 10, 20 })
            graph.Learn(From(Alice, Bob), Bob, [Docs], T0.AddDays(day));
        graph.Learn(From(new EmailAddress(Bob), "alice@partner.example"), Bob, [], T0.AddDays(21));
        graph.Learn(From(Alice, Carol), Carol, [Docs], T0.AddDays(22));
    }

    private static EmailMessage Incoming() => From(Alice, Bob);

    private static EmailMessage From(EmailAddress from, string to) => new() { From = from, To = [new EmailAddress(to)] };

    private static readonly Link Docs = WebLink("docs.partner.example", "partner.example");
    private static readonly Link Evil = WebLink("login.evil.example", "evil.example");

    private static Link WebLink(string host, string domain) => new()
    {
        Url = $"https://{host}/x",
        Target = $"https://{host}/x",
        Kind = LinkKind.Web,
        Host = host,
        UnicodeHost = host,
        RegistrableDomain = domain,
        Origin = LinkOrigin.Body,
        Source = LinkSource.Anchor,
    };
}
