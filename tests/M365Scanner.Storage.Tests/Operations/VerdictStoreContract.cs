using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;

namespace M365Scanner.Storage.Tests.Operations;

/// <summary>What every <see cref="IVerdictStore"/> must do. A provider's test class says only how to open a fresh
/// store.</summary>
/// <remarks>Times are whole milliseconds, the precision every store promises.</remarks>
public abstract class VerdictStoreContract : StoreContract
{
    protected static readonly MessageKey Key = MessageKey.Of("tenant-a", "Bob@Tenant.example", "<m1@partner.example>", "AAMk1");

    /// <summary>A new, empty store.</summary>
    protected abstract IVerdictStore CreateStore();

    [SkippableFact]
    public void DeleteTenant_RemovesVerdictsAndClaimsOfThatTenantOnly()
    {
        var store = CreateStore();
        var other = MessageKey.Of("tenant-b", "Bob@Tenant.example", "<m1@partner.example>", "AAMk1");
        var claimed = MessageKey.Of("tenant-a", "Bob@Tenant.example", "<m2@partner.example>", "AAMk2");
        store.Record(Verdict(Key, T0));
        store.Record(Verdict(other, T0));
        store.TryClaim(claimed, "job-1", T0);

        Assert.Equal(2, store.DeleteTenant("tenant-a"));

        Assert.Null(store.Get(Key));
        Assert.NotNull(store.Get(other));
        Assert.True(store.TryClaim(claimed, "job-2", T0));
        Assert.Equal(0, store.DeleteTenant("tenant-c"));
    }

    [SkippableFact]
    public void TryClaim_ReturnsTrue_WhenUnclaimed()
    {
        var store = CreateStore();

        Assert.True(store.TryClaim(Key, "job-1", T0));
    }

    [SkippableFact]
    public void TryClaim_ReturnsFalse_WhenAnotherOwnerHoldsIt()
    {
        var store = CreateStore();
        store.TryClaim(Key, "job-1", T0);

        Assert.False(store.TryClaim(Key, "job-2", T0.AddSeconds(1)));
    }

    [SkippableFact]
    public void TryClaim_ReturnsTrue_WhenSameOwnerRetries()
    {
        var store = CreateStore();
        store.TryClaim(Key, "job-1", T0);
        store.TryClaim(Key, "job-2", T0);

        Assert.True(store.TryClaim(Key, "job-1", T0.AddMinutes(5)));
    }

    [SkippableFact]
    public void TryClaim_ReturnsFalse_WhenVerdictRecorded()
    {
        var store = CreateStore();
        store.TryClaim(Key, "job-1", T0);
        store.Record(Verdict(Key, T0));

        Assert.False(store.TryClaim(Key, "job-1", T0.AddSeconds(1)));
        Assert.False(store.TryClaim(Key, "job-2", T0.AddSeconds(1)));
    }

    [SkippableFact]
    public void TryClaim_ReturnsFalse_WhenVerdictRecordedWithoutClaim()
    {
        var store = CreateStore();
        store.Record(Verdict(Key, T0));

        Assert.False(store.TryClaim(Key, "job-1", T0));
    }

    [SkippableFact]
    public void TryClaim_KeepsKeysApart_WhenOnlyOnePartDiffers()
    {
        var store = CreateStore();
        store.TryClaim(Key, "job-1", T0);

        Assert.True(store.TryClaim(Key with { TenantId = "tenant-b" }, "job-2", T0));
        Assert.True(store.TryClaim(Key with { Mailbox = "carol@tenant.example" }, "job-2", T0));
        Assert.True(store.TryClaim(Key with { MessageId = "<m2@partner.example>" }, "job-2", T0));
    }

    [SkippableFact]
    public void TryClaim_GivesEachKeyExactlyOneWinner_WhenManyThreadsClaimAtOnce()
    {
        const int threads = 8, keys = 50;
        var store = CreateStore();
        var all = Enumerable.Range(0, keys).Select(i => Key with { MessageId = $"<m{i}@partner.example>" }).ToArray();
        var won = new List<MessageKey>[threads];
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            // Each thread walks the keys in its own order, so threads race on the same keys at different times.
            var order = all.Select((k, i) => (k, i)).OrderBy(p => (p.i * (t + 3)) % 53).Select(p => p.k).ToArray();
            won[t] = [];
            start.SignalAndWait();
            foreach (var key in order)
                if (store.TryClaim(key, $"job-{t}", T0))
                    won[t].Add(key);
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        var winners = won.SelectMany(w => w).ToList();
        Assert.Equal(keys, winners.Count);
        Assert.Equal(keys, winners.Distinct().Count());
    }

    [SkippableFact]
    public void Get_ReturnsNull_WhenOnlyClaimedOrUnknown()
    {
        var store = CreateStore();
        store.TryClaim(Key, "job-1", T0);

        Assert.Null(store.Get(Key));
        Assert.Null(store.Get(Key with { MessageId = "<unknown@partner.example>" }));
    }

    [SkippableFact]
    public void Record_KeepsEveryField_WhenReadBack()
    {
        var store = CreateStore();
        var full = Verdict(Key, T0) with
        {
            Score = 0.1 + 0.2,
            Explanation = "Link: display text names another domain — «login.evil.example»",
            LinksJson = """[{"url":"https://login.evil.example/x","score":0.93}]""",
            Notes = "baseline incomplete\nattachment skipped",
            Subject = "Rechnung für März",
            Sender = "alice@partner.example",
        };
        var sparse = Verdict(Key with { MessageId = "graph:AAMk2" }, T0) with { Enforced = false, Subject = null, Sender = null };

        store.Record(full);
        store.Record(sparse);

        Assert.Equal(full, store.Get(full.Key));
        Assert.Equal(sparse, store.Get(sparse.Key));
    }

    [SkippableFact]
    public void Record_ReplacesEarlierVerdict_WhenRecordedAgain()
    {
        var store = CreateStore();
        store.TryClaim(Key, "job-1", T0);
        store.Record(Verdict(Key, T0));
        var rescanned = Verdict(Key, T0.AddHours(1)) with { Action = MessageAction.Quarantine, Score = 0.97, GraphMessageId = "AAMk-moved" };

        store.Record(rescanned);

        Assert.Equal(rescanned, store.Get(Key));
        Assert.Single(store.Query(new VerdictQuery()));
    }

    [SkippableFact]
    public void Query_ReturnsNewestFirstUpToLimit_WhenUnfiltered()
    {
        var store = CreateStore();
        var keys = RecordDays(store, 5);

        var newest = store.Query(new VerdictQuery(Limit: 3));

        Assert.Equal([keys[4], keys[3], keys[2]], newest.Select(v => v.Key));
    }

    [SkippableFact]
    public void Query_BreaksTiesByFirstSeen_WhenScannedAtTheSameTime()
    {
        var store = CreateStore();
        var first = Key with { MessageId = "<first@partner.example>" };
        var second = Key with { MessageId = "<second@partner.example>" };
        store.TryClaim(first, "job-1", T0);
        store.TryClaim(second, "job-2", T0);
        // Recorded in the other order: the order of first sight decides, as a row id would.
        store.Record(Verdict(second, T0));
        store.Record(Verdict(first, T0));

        Assert.Equal([second, first], store.Query(new VerdictQuery()).Select(v => v.Key));
    }

    [SkippableFact]
    public void Query_LeavesOutClaimsWithoutVerdict()
    {
        var store = CreateStore();
        store.TryClaim(Key, "job-1", T0);
        store.Record(Verdict(Key with { MessageId = "<done@partner.example>" }, T0));

        Assert.Equal(["<done@partner.example>"], store.Query(new VerdictQuery()).Select(v => v.Key.MessageId));
    }

    [SkippableFact]
    public void Query_AppliesEveryFilter_WhenGiven()
    {
        var store = CreateStore();
        var other = Key with { Mailbox = "carol@tenant.example" };
        var elsewhere = Key with { TenantId = "tenant-b" };
        store.Record(Verdict(Key, T0) with { Action = MessageAction.Allow });
        store.Record(Verdict(Key with { MessageId = "<m2>" }, T0.AddMinutes(1)) with { Action = MessageAction.Quarantine });
        store.Record(Verdict(other, T0.AddMinutes(2)) with { Action = MessageAction.Quarantine });
        store.Record(Verdict(elsewhere, T0.AddMinutes(3)) with { Action = MessageAction.Quarantine });

        Assert.Equal(3, store.Query(new VerdictQuery(TenantId: "tenant-a")).Count);
        // A mailbox filter alone spans tenants: tenant-b has a bob@ too.
        Assert.Equal(3, store.Query(new VerdictQuery(Mailbox: Key.Mailbox)).Count);
        Assert.Equal(3, store.Query(new VerdictQuery(Action: MessageAction.Quarantine)).Count);
        // Since is inclusive, to the millisecond.
        Assert.Equal(3, store.Query(new VerdictQuery(Since: T0.AddMinutes(1))).Count);
        Assert.Equal(["<m2>"], store.Query(new VerdictQuery("tenant-a", Key.Mailbox, MessageAction.Quarantine, T0.AddMinutes(1)))
            .Select(v => v.Key.MessageId));
        Assert.Empty(store.Query(new VerdictQuery(TenantId: "tenant-z")));
    }

    [SkippableFact]
    public void Query_FindsBySender_WholeAddressOrDomainIgnoringCase()
    {
        var store = CreateStore();
        store.Record(Verdict(Key, T0) with { Sender = "Alice@Partner.example" });
        store.Record(Verdict(Key with { MessageId = "<m2>" }, T0) with { Sender = "carol@partner.example" });
        store.Record(Verdict(Key with { MessageId = "<m3>" }, T0) with { Sender = "alice@sub.partner.example" });
        store.Record(Verdict(Key with { MessageId = "<m4>" }, T0) with { Sender = null });

        Assert.Equal([Key.MessageId], Ids(store, new VerdictQuery(Sender: "alice@partner.example")));
        Assert.Equal(["<m2>", Key.MessageId], Ids(store, new VerdictQuery(Sender: "partner.example")).Order());
        // An underscore is a character of the domain, not LIKE's one-character wildcard.
        Assert.Empty(Ids(store, new VerdictQuery(Sender: "partner_example")));
    }

    [SkippableFact]
    public void Query_FindsBySubjectContaining_IgnoringAsciiCaseAndTakingWildcardsLiterally()
    {
        var store = CreateStore();
        store.Record(Verdict(Key, T0) with { Subject = "Invoice 2024-117 overdue" });
        store.Record(Verdict(Key with { MessageId = "<m2>" }, T0) with { Subject = "100% off_today" });
        store.Record(Verdict(Key with { MessageId = "<m3>" }, T0) with { Subject = null });

        Assert.Equal([Key.MessageId], Ids(store, new VerdictQuery(SubjectContains: "INVOICE 2024")));
        Assert.Equal(["<m2>"], Ids(store, new VerdictQuery(SubjectContains: "0% off_")));
        Assert.Empty(Ids(store, new VerdictQuery(SubjectContains: "100%today")));
        Assert.Empty(Ids(store, new VerdictQuery(SubjectContains: "off_to_")));
    }

    [SkippableFact]
    public void Query_FindsByMessageId_Exactly()
    {
        var store = CreateStore();
        store.Record(Verdict(Key, T0));
        store.Record(Verdict(Key with { MessageId = "m1@partner.example.other" }, T0));

        Assert.Equal([Key.MessageId], Ids(store, new VerdictQuery(MessageId: "m1@partner.example")));
        Assert.Empty(Ids(store, new VerdictQuery(MessageId: "m1@partner")));
    }

    [SkippableFact]
    public void Query_FindsByLinkDomain_OnTheLinksDomainFieldOnly()
    {
        var store = CreateStore();
        store.Record(Verdict(Key, T0) with { LinksJson = Links(("https://login.evil.example/x", "evil.example")) });
        store.Record(Verdict(Key with { MessageId = "<notevil>" }, T0) with { LinksJson = Links(("https://notevil.example/", "notevil.example")) });
        // The domain named in a URL or a link's text is not the link's domain; a quote in them is written \u0022.
        store.Record(Verdict(Key with { MessageId = "<inurl>" }, T0) with
        {
            LinksJson = Links(("https://safe.example/?next=\"domain\":\"evil.example\"", "safe.example")),
        });
        store.Record(Verdict(Key with { MessageId = "<wild>" }, T0) with { LinksJson = Links(("https://evilxexample.test/", "evilxexample.test")) });

        Assert.Equal([Key.MessageId], Ids(store, new VerdictQuery(LinkDomain: "evil.example")));
        Assert.Empty(Ids(store, new VerdictQuery(LinkDomain: "evil_example")));
        Assert.Empty(Ids(store, new VerdictQuery(LinkDomain: "evil%")));
    }

    [SkippableFact]
    public void Query_KeepsUntilExclusive_AndCombinesWithSince()
    {
        var store = CreateStore();
        var keys = RecordDays(store, 4);

        Assert.Equal([keys[1], keys[0]], store.Query(new VerdictQuery(Until: T0.AddDays(2))).Select(v => v.Key));
        Assert.Equal([keys[2], keys[1]], store.Query(new VerdictQuery(Since: T0.AddDays(1), Until: T0.AddDays(2).AddMilliseconds(1))).Select(v => v.Key));
    }

    [SkippableFact]
    public void Query_AppliesTheSearchFiltersTogether()
    {
        var store = CreateStore();
        var links = Links(("https://files.evil.example/a", "evil.example"));
        store.Record(Verdict(Key, T0) with { Subject = "Invoice", Sender = "alice@partner.example", LinksJson = links });
        store.Record(Verdict(Key with { MessageId = "<m2>" }, T0) with { Subject = "Invoice", Sender = "bob@partner.example", LinksJson = links });
        store.Record(Verdict(Key with { MessageId = "<m3>" }, T0) with { Subject = "Minutes", Sender = "alice@partner.example", LinksJson = links });

        Assert.Equal([Key.MessageId], Ids(store, new VerdictQuery(TenantId: Key.TenantId, Sender: "alice@partner.example",
            SubjectContains: "invoice", LinkDomain: "evil.example", Since: T0, Until: T0.AddSeconds(1))));
    }

    private static IEnumerable<string> Ids(IVerdictStore store, VerdictQuery query) => store.Query(query).Select(v => v.Key.MessageId);

    /// <summary>Links as the scan stores them: <see cref="Core.Scanning.LinkReport"/>s serialised with web defaults.</summary>
    protected static string Links(params (string Url, string Domain)[] links) => System.Text.Json.JsonSerializer.Serialize(
        links.Select(l => new Core.Scanning.LinkReport(l.Url, l.Url, l.Domain, "body", null, 0.5, "rewrite", ["a reason"])),
        new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));

    [SkippableTheory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Query_Throws_WhenLimitIsNotPositive(int limit)
    {
        var store = CreateStore();

        Assert.Throws<ArgumentOutOfRangeException>(() => store.Query(new VerdictQuery(Limit: limit)));
    }

    /// <summary>A verdict with every required field set, scanned at <paramref name="at"/>.</summary>
    protected static VerdictRecord Verdict(MessageKey key, DateTimeOffset at) => new(
        key, "AAMk1", at, MessageAction.Rewrite, 0.71, "Link: opaque path on a new domain", Enforced: true, LinksJson: "[]", Notes: "",
        Subject: "Invoice", Sender: "alice@partner.example");

    /// <summary>Records one verdict a day for <paramref name="days"/> days, oldest first, and returns their keys.</summary>
    protected static MessageKey[] RecordDays(IVerdictStore store, int days)
    {
        var keys = Enumerable.Range(0, days).Select(d => Key with { MessageId = $"<day{d}@partner.example>" }).ToArray();
        for (var d = 0; d < days; d++)
            store.Record(Verdict(keys[d], T0.AddDays(d)));
        return keys;
    }
}
