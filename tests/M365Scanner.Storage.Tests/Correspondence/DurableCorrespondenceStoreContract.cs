using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;

namespace M365Scanner.Storage.Tests.Correspondence;

/// <summary>
/// The contract for stores that keep data outside the process (SQLite file, PostgreSQL): on top of the behaviour
/// every store has, data and schema survive closing and reopening.
/// </summary>
public abstract class DurableCorrespondenceStoreContract : CorrespondenceStoreContract
{
    /// <summary>The schema versions recorded in the database, lowest first.</summary>
    protected abstract IReadOnlyList<int> RecordedSchemaVersions();

    /// <summary>The latest version the provider's migrations define.</summary>
    protected abstract int LatestSchemaVersion { get; }

    [SkippableFact]
    public void Add_IsKept_WhenStoreReopened()
    {
        using (var first = (IDisposable)CreateStore())
            ((ICorrespondenceStore)first).Add([new(Key, T0), new(Key, T0.AddDays(1))]);

        var reopened = Open();

        Assert.Equal(new Tally(2, T0, T0.AddDays(1)), reopened.Read([Key])[Key]);
        Assert.Empty(reopened.Add([new(Key, T0)]));
    }

    [SkippableFact]
    public void BeginBatch_IsVisibleToAnotherConnection_WhenDisposed()
    {
        var writer = Open();
        var reader = Open();

        using (writer.BeginBatch())
        {
            using (writer.BeginBatch())
                writer.Add([new(Key, T0)]);
            // The inner scope joined the outer one: nothing is committed until the outer scope ends.
            Assert.Empty(reader.Read([Key]));
        }

        Assert.Equal(Tally.Once(T0), reader.Read([Key])[Key]);
    }

    [SkippableFact]
    public void Open_RecordsEverySchemaVersion_WhenDatabaseIsNew()
    {
        Open();

        Assert.Equal(Enumerable.Range(1, LatestSchemaVersion), RecordedSchemaVersions());
    }

    [SkippableFact]
    public void Open_AppliesNothingTwice_WhenReopened()
    {
        using (var first = (IDisposable)CreateStore())
            ((ICorrespondenceStore)first).Add([new(Key, T0)]);
        using (CreateStore() as IDisposable) { }

        var third = Open();

        Assert.Equal(Enumerable.Range(1, LatestSchemaVersion), RecordedSchemaVersions());
        Assert.Equal(1, third.Read([Key])[Key].Count);
    }

    [SkippableFact]
    public void Describe_ReadsThePrior_AndLearningResumes_WhenTheGraphWasWrittenBeforeNoveltyWasCounted()
    {
        const string Bob = "bob@tenant.example", Alice = "alice@partner.example";
        // Edges exactly as the build before sender novelty wrote them for ten messages from Alice over thirty days,
        // each linking her portal: relationship, message counts, link vocabulary, tenant prevalence. No novelty counts.
        using (var old = (IDisposable)CreateStore())
        {
            var store = (ICorrespondenceStore)old;
            var days = Enumerable.Range(0, 10).Select(i => T0.AddDays(i * 3)).ToList();
            store.Add([.. days.SelectMany(at => new EdgeObservation[]
            {
                new(new(EdgeKind.ReceivedFrom, Bob, Alice), at),
                new(new(EdgeKind.ReceivedFromDomain, Bob, "partner.example"), at),
                new(new(EdgeKind.SenderMessages, Alice, ""), at),
                new(new(EdgeKind.SenderMessages, Alice, "links"), at),
                new(new(EdgeKind.SenderMessages, "@partner.example", ""), at),
                new(new(EdgeKind.SenderMessages, "@partner.example", "links"), at),
                new(new(EdgeKind.SenderLinkDomain, Alice, "partner.example"), at),
                new(new(EdgeKind.SenderLinkHost, Alice, "portal.partner.example"), at),
                new(new(EdgeKind.SenderLinkDomain, "@partner.example", "partner.example"), at),
                new(new(EdgeKind.SenderLinkHost, "@partner.example", "portal.partner.example"), at),
                new(new(EdgeKind.MailboxLinkDomain, Bob, "partner.example"), at),
            })]);
            store.Add([new(new(EdgeKind.TenantDomainSenders, "partner.example", ""), T0), new(new(EdgeKind.TenantDomainMailboxes, "partner.example", ""), T0)]);
        }

        var graph = new CorrespondenceGraph(Open());
        var message = new EmailMessage { From = new EmailAddress(Alice), To = [new EmailAddress(Bob)], SentAt = T0.AddDays(40) };
        var before = graph.Describe(message, Bob, [Web("https://portal.partner.example/a")]).Sender;

        Assert.True(before.IsEstablished);
        Assert.Equal((0L, 0L, 0L, 0L), (before.NoveltyRate.Links, before.NoveltyRate.New, before.NoveltyRate.KindLinks, before.NoveltyRate.KindNew));
        Assert.Equal(NoveltyRate.DefaultRate, before.NoveltyRate.Rate, 6);
        Assert.Equal(1.0, before.NoveltyRate.Surprise);

        // Learning goes on from the old counts: her usual portal is no introduction, a new site is.
        graph.Learn(message, Bob, [Web("https://portal.partner.example/b")], T0.AddDays(40));
        graph.Learn(message with { SentAt = T0.AddDays(41) }, Bob, [Web("https://new-site.example/")], T0.AddDays(41));
        var after = graph.Describe(message, Bob, [Web("https://portal.partner.example/a")]).Sender.NoveltyRate;

        Assert.Equal((2L, 1L), (after.Links, after.New));
        Assert.Equal((2L, 1L), (after.KindLinks, after.KindNew));
    }

    private static Link Web(string url) => LinkResolver.Default.Resolve(new FoundLink(url, null, LinkSource.Anchor, LinkOrigin.Body))!;
}
