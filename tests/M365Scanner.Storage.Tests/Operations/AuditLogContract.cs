using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Tests.Operations;

/// <summary>What every <see cref="IAuditLog"/> must do. A provider's test class says only how to open a fresh
/// log.</summary>
/// <remarks>Times are whole milliseconds, the precision every log promises.</remarks>
public abstract class AuditLogContract : StoreContract
{
    protected static readonly MessageKey Key = MessageKey.Of("tenant-a", "bob@tenant.example", "<m1@partner.example>", "AAMk1");

    /// <summary>A new, empty log.</summary>
    protected abstract IAuditLog CreateLog();

    [SkippableFact]
    public void Append_ReturnsIncreasingIds_AndIgnoresTheGivenId()
    {
        var log = CreateLog();

        var first = log.Append(Entry(Key, T0) with { Id = 42 });
        var second = log.Append(Entry(Key, T0) with { Id = 42 });

        Assert.True(second > first);
        Assert.Equal(first, log.Get(first)!.Id);
    }

    [SkippableFact]
    public void Get_ReturnsEntryAsAppended_WithEveryField()
    {
        var log = CreateLog();
        var rewrite = log.Append(Entry(Key, T0));
        var release = Entry(Key, T0.AddDays(1)) with
        {
            Actor = "admin:kim",
            Action = AuditAction.Release,
            State = AuditState.Completed,
            OriginalMessageId = "AAMk-quarantined",
            ResultMessageId = null,
            Reasons = "false positive: partner's new file host",
            RelatedEntryId = rewrite,
            UpdatedAt = T0.AddDays(1).AddSeconds(2),
        };

        var id = log.Append(release);

        Assert.Equal(release with { Id = id }, log.Get(id));
    }

    [SkippableFact]
    public void ForMessage_ReturnsThatMessagesEntriesOldestFirst_UpToLimit()
    {
        var log = CreateLog();
        var rewrite = log.Append(Entry(Key, T0));
        log.Append(Entry(Key with { MessageId = "m2@partner.example" }, T0));
        log.Append(Entry(Key with { Mailbox = "carol@tenant.example" }, T0));
        var release = log.Append(Entry(Key, T0.AddHours(1)) with { Action = AuditAction.Release, RelatedEntryId = rewrite });

        Assert.Equal([rewrite, release], log.ForMessage(Key).Select(e => e.Id));
        Assert.Equal([rewrite], log.ForMessage(Key, limit: 1).Select(e => e.Id));
        Assert.Empty(log.ForMessage(Key with { TenantId = "tenant-b" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.ForMessage(Key, limit: 0));
    }

    [SkippableFact]
    public void ActionThatCreated_FindsTheRewriteByItsCopysId_AndTheNoticeByItsId_InThatMailboxOnly()
    {
        var log = CreateLog();
        var rewrite = log.Append(Entry(Key, T0));
        Assert.Null(log.ActionThatCreated(Key.TenantId, Key.Mailbox, "AAMk-copy"));

        log.Update(rewrite, AuditState.Copied, "AAMk1", "AAMk-copy", T0.AddSeconds(1));
        var quarantine = log.Append(Entry(Key with { MessageId = "m2@partner.example" }, T0) with { Action = AuditAction.Quarantine });
        var notice = log.Append(Entry(Key with { MessageId = "m2@partner.example" }, T0) with { Action = AuditAction.Notice });
        log.Update(quarantine, AuditState.Completed, "AAMk-quarantined", null, T0.AddSeconds(1));
        log.Update(notice, AuditState.Completed, null, "AAMk-notice", T0.AddSeconds(2));

        Assert.Equal(rewrite, log.ActionThatCreated(Key.TenantId, Key.Mailbox, "AAMk-copy")?.Id);
        Assert.Null(log.ActionThatCreated(Key.TenantId, "carol@tenant.example", "AAMk-copy"));
        Assert.Null(log.ActionThatCreated("tenant-b", Key.Mailbox, "AAMk-copy"));
        Assert.Null(log.ActionThatCreated(Key.TenantId, Key.Mailbox, "AAMk1"));
        Assert.Equal(notice, log.ActionThatCreated(Key.TenantId, Key.Mailbox, "AAMk-notice")?.Id);
        Assert.Null(log.ActionThatCreated(Key.TenantId, Key.Mailbox, "AAMk-quarantined"));
    }

    [SkippableFact]
    public void Get_KeepsThePersonAndTheHunt_OfAHuntsAction()
    {
        var log = CreateLog();
        var quarantine = Entry(Key, T0) with
        {
            Actor = "alice@contoso.example", Action = AuditAction.Quarantine, HuntId = "a1b2c3d4e5f6", Reasons = "ioc hunt a1b2c3d4e5f6: match",
        };

        var id = log.Append(quarantine);

        Assert.Equal(quarantine with { Id = id }, log.Get(id));
        Assert.Null(log.Get(log.Append(Entry(Key, T0)))!.HuntId);
    }

    [SkippableFact]
    public void Query_FiltersByActorAndByHunt_NewestFirst()
    {
        var log = CreateLog();
        var scan = log.Append(Entry(Key, T0));
        var first = log.Append(Entry(Key, T0.AddMinutes(1)) with { Actor = "alice@contoso.example", HuntId = "hunt-a" });
        var second = log.Append(Entry(Key, T0.AddMinutes(2)) with { Actor = "alice@contoso.example", HuntId = "hunt-b" });
        log.Append(Entry(Key, T0.AddMinutes(3)) with { Actor = "kim@contoso.example", HuntId = "hunt-c" });

        Assert.Equal([second, first], log.Query(actor: "alice@contoso.example").Select(e => e.Id));
        Assert.Equal([first], log.Query(huntId: "hunt-a").Select(e => e.Id));
        Assert.Equal([scan], log.Query("tenant-a", actor: "scanner").Select(e => e.Id));
        Assert.Empty(log.Query(actor: "alice@contoso.example", huntId: "hunt-c"));
    }

    [SkippableFact]
    public void Get_ReturnsNull_WhenIdUnknown()
    {
        var log = CreateLog();
        log.Append(Entry(Key, T0));

        Assert.Null(log.Get(999));
        Assert.Null(log.Get(0));
    }

    [SkippableFact]
    public void Update_AdvancesStateAndKeepsIds_WhenNullGiven()
    {
        var log = CreateLog();
        var id = log.Append(Entry(Key, T0));
        log.Update(id, AuditState.Copied, null, "AAMk-copy", T0.AddMilliseconds(300));

        log.Update(id, AuditState.Completed, "AAMk-in-quarantine", null, T0.AddSeconds(1));

        var entry = log.Get(id)!;
        Assert.Equal(AuditState.Completed, entry.State);
        Assert.Equal("AAMk-in-quarantine", entry.OriginalMessageId);
        Assert.Equal("AAMk-copy", entry.ResultMessageId);
        Assert.Equal(T0.AddSeconds(1), entry.UpdatedAt);
        Assert.Equal(T0, entry.At);
    }

    [SkippableFact]
    public void Update_Throws_WhenIdUnknown()
    {
        var log = CreateLog();

        Assert.Throws<KeyNotFoundException>(() => log.Update(7, AuditState.Failed, null, null, T0));
    }

    [SkippableFact]
    public void Latest_ReturnsLastAppended_ForKeyAndAction()
    {
        var log = CreateLog();
        log.Append(Entry(Key, T0));
        // Appended later but stamped earlier (another host's clock): the last appended still wins.
        var retry = log.Append(Entry(Key, T0.AddSeconds(-5)) with { State = AuditState.Failed });
        log.Append(Entry(Key, T0.AddMinutes(1)) with { Action = AuditAction.Quarantine });
        log.Append(Entry(Key with { MessageId = "<other@partner.example>" }, T0.AddMinutes(2)));

        Assert.Equal(retry, log.Latest(Key, AuditAction.Rewrite)!.Id);
        Assert.Equal(AuditAction.Quarantine, log.Latest(Key, AuditAction.Quarantine)!.Action);
        Assert.Null(log.Latest(Key, AuditAction.Release));
        Assert.Null(log.Latest(Key with { TenantId = "tenant-b" }, AuditAction.Rewrite));
    }

    [SkippableFact]
    public void Query_ReturnsNewestFirstUpToLimit_WhenUnfiltered()
    {
        var log = CreateLog();
        var ids = Enumerable.Range(0, 5).Select(d => log.Append(Entry(Key, T0.AddDays(d)))).ToArray();
        // Same time as the newest: appended later, so listed first.
        var tie = log.Append(Entry(Key, T0.AddDays(4)));

        var newest = log.Query(limit: 3);

        Assert.Equal([tie, ids[4], ids[3]], newest.Select(e => e.Id));
    }

    [SkippableFact]
    public void Query_AppliesEveryFilter_WhenGiven()
    {
        var log = CreateLog();
        log.Append(Entry(Key, T0));
        var mine = log.Append(Entry(Key, T0.AddMinutes(1)));
        log.Append(Entry(Key with { Mailbox = "carol@tenant.example" }, T0.AddMinutes(2)));
        log.Append(Entry(Key with { TenantId = "tenant-b" }, T0.AddMinutes(3)));

        Assert.Equal(3, log.Query(tenantId: "tenant-a").Count);
        // A mailbox filter alone spans tenants: tenant-b has a bob@ too.
        Assert.Equal(3, log.Query(mailbox: Key.Mailbox).Count);
        // Since is inclusive, to the millisecond.
        Assert.Equal(3, log.Query(since: T0.AddMinutes(1)).Count);
        Assert.Equal([mine], log.Query("tenant-a", Key.Mailbox, T0.AddMinutes(1)).Select(e => e.Id));
        Assert.Empty(log.Query(tenantId: "tenant-z"));
    }

    [SkippableTheory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Query_Throws_WhenLimitIsNotPositive(int limit)
    {
        var log = CreateLog();

        Assert.Throws<ArgumentOutOfRangeException>(() => log.Query(limit: limit));
    }

    [SkippableFact]
    public void Append_GivesDistinctIds_WhenManyThreadsAppendAtOnce()
    {
        const int threads = 8, each = 25;
        var log = CreateLog();

        var ids = new long[threads][];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            ids[t] = [.. Enumerable.Range(0, each).Select(i => log.Append(Entry(Key, T0.AddSeconds(i))))]);

        var all = ids.SelectMany(i => i).ToList();
        Assert.Equal(threads * each, all.Distinct().Count());
        Assert.Equal(threads * each, log.Query(limit: 1000).Count);
    }

    /// <summary>A scanner rewrite that has just started.</summary>
    protected static AuditEntry Entry(MessageKey key, DateTimeOffset at) => new(
        Id: 0, At: at, Actor: "scanner", Key: key, Action: AuditAction.Rewrite, State: AuditState.Started,
        OriginalMessageId: "AAMk1", ResultMessageId: null, Reasons: "score 0.82: opaque path on a new domain");
}
