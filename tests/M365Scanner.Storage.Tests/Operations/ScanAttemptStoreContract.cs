using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;

namespace M365Scanner.Storage.Tests.Operations;

/// <summary>What every <see cref="IScanAttemptStore"/> must do. A provider's test class says only how to open a fresh
/// store.</summary>
/// <remarks>Times are whole milliseconds, the precision every store promises.</remarks>
public abstract class ScanAttemptStoreContract : StoreContract
{
    protected static readonly MessageKey Key = MessageKey.Of("tenant-a", "Bob@Tenant.example", "<m1@partner.example>", "AAMk1");

    /// <summary>A new, empty store.</summary>
    protected abstract IScanAttemptStore CreateStore();

    [SkippableFact]
    public void Begin_CountsTheFirstAttempt_WhenNoneBefore()
    {
        var store = CreateStore();

        Assert.Equal(new ScanAttempts(1, true, T0, T0, null), store.Begin(Key, 3, T0));
    }

    [SkippableFact]
    public void Begin_CountsOnAndForgetsTheLastError_WhenBelowTheLimit()
    {
        var store = CreateStore();
        store.Begin(Key, 3, T0);
        store.Fail(Key, "IOException: boom");

        var second = store.Begin(Key, 3, T0.AddSeconds(2));

        Assert.Equal(new ScanAttempts(2, true, T0, T0.AddSeconds(2), null), second);
    }

    [SkippableFact]
    public void Begin_StartsNothingAndReportsTheLastError_WhenTheLimitIsReached()
    {
        var store = CreateStore();
        store.Begin(Key, 3, T0);
        store.Begin(Key, 3, T0.AddSeconds(1));
        store.Begin(Key, 3, T0.AddSeconds(3));
        store.Fail(Key, "InvalidOperationException: bad xref");

        var refused = store.Begin(Key, 3, T0.AddSeconds(8));

        Assert.Equal(new ScanAttempts(3, false, T0, T0.AddSeconds(3), "InvalidOperationException: bad xref"), refused);
        Assert.Equal(refused, store.Begin(Key, 3, T0.AddSeconds(9)));
    }

    [SkippableFact]
    public void Begin_ReportsNoError_WhenTheLastAttemptNeverEnded()
    {
        // The process died under the last attempt: nobody reported its failure, and the earlier error is not its.
        var store = CreateStore();
        store.Begin(Key, 2, T0);
        store.Fail(Key, "IOException: boom");
        store.Begin(Key, 2, T0.AddSeconds(1));

        var refused = store.Begin(Key, 2, T0.AddSeconds(2));

        Assert.False(refused.Started);
        Assert.Equal(2, refused.Count);
        Assert.Null(refused.LastError);
    }

    [SkippableFact]
    public void Begin_CountsAgain_WhenTheLimitIsRaised()
    {
        var store = CreateStore();
        store.Begin(Key, 1, T0);

        Assert.False(store.Begin(Key, 1, T0.AddSeconds(1)).Started);
        Assert.Equal(new ScanAttempts(2, true, T0, T0.AddSeconds(2), null), store.Begin(Key, 3, T0.AddSeconds(2)));
    }

    [SkippableFact]
    public void Begin_KeepsKeysApart_WhenOnlyOnePartDiffers()
    {
        var store = CreateStore();
        store.Begin(Key, 1, T0);

        Assert.True(store.Begin(Key with { TenantId = "tenant-b" }, 1, T0).Started);
        Assert.True(store.Begin(Key with { Mailbox = "carol@tenant.example" }, 1, T0).Started);
        Assert.True(store.Begin(Key with { MessageId = "m2@partner.example" }, 1, T0).Started);
        Assert.False(store.Begin(Key, 1, T0).Started);
    }

    [SkippableTheory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Begin_Throws_WhenTheLimitIsNotPositive(int limit)
    {
        var store = CreateStore();

        Assert.Throws<ArgumentOutOfRangeException>(() => store.Begin(Key, limit, T0));
    }

    [SkippableFact]
    public void Begin_StartsExactlyTheLimit_WhenManyThreadsBeginAtOnce()
    {
        const int threads = 8, each = 10, limit = 25;
        var store = CreateStore();
        var started = new int[threads];
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < each; i++)
                if (store.Begin(Key, limit, T0).Started)
                    started[t]++;
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Equal(limit, started.Sum());
        Assert.Equal(limit, store.Begin(Key, limit, T0).Count);
    }

    [SkippableFact]
    public void Uncount_TakesTheAttemptBack()
    {
        var store = CreateStore();
        store.Begin(Key, 2, T0);
        store.Begin(Key, 2, T0.AddSeconds(1));

        store.Uncount(Key);

        Assert.Equal(new ScanAttempts(2, true, T0, T0.AddSeconds(2), null), store.Begin(Key, 2, T0.AddSeconds(2)));
    }

    [SkippableFact]
    public void Uncount_NeverGoesBelowZero()
    {
        var store = CreateStore();
        store.Begin(Key, 1, T0);

        store.Uncount(Key);
        store.Uncount(Key);

        Assert.Equal(1, store.Begin(Key, 1, T0.AddSeconds(1)).Count);
    }

    [SkippableFact]
    public void FailUncountAndClear_DoNothing_WhenNoAttemptIsCounted()
    {
        var store = CreateStore();

        store.Fail(Key, "IOException: boom");
        store.Uncount(Key);
        store.Clear(Key);

        Assert.Equal(new ScanAttempts(1, true, T0, T0, null), store.Begin(Key, 1, T0));
        Assert.Empty(store.QueryPoison(new PoisonQuery()));
    }

    [SkippableFact]
    public void Clear_ForgetsTheCount()
    {
        var store = CreateStore();
        store.Begin(Key, 2, T0);
        store.Begin(Key, 2, T0.AddSeconds(1));

        store.Clear(Key);

        Assert.Equal(new ScanAttempts(1, true, T0.AddMinutes(1), T0.AddMinutes(1), null), store.Begin(Key, 2, T0.AddMinutes(1)));
    }

    [SkippableFact]
    public void Clear_KeepsThePoisonMark()
    {
        var store = CreateStore();
        store.Begin(Key, 3, T0);
        store.MarkPoison(Poison(Key, T0.AddSeconds(1)) with { Attempts = 1 });

        store.Clear(Key);

        Assert.Equal(Poison(Key, T0.AddSeconds(1)) with { Attempts = 1 }, Assert.Single(store.QueryPoison(new PoisonQuery())));
    }

    [SkippableFact]
    public void MarkPoison_KeepsEveryField_WhenReadBack()
    {
        var store = CreateStore();
        var full = Poison(Key, T0.AddMinutes(1)) with
        {
            Reason = "the scan failed 3 times: InvalidOperationException: «xref» loop",
            Subject = "Rechnung für März",
            Sender = "alice@partner.example",
            Enforced = true,
        };
        var sparse = Poison(Key with { MessageId = "graph:AAMk2" }, T0) with
        {
            GraphMessageId = "AAMk2", Action = MessageAction.Rewrite, Enforced = false, Subject = null, Sender = null,
        };

        store.MarkPoison(full);
        store.MarkPoison(sparse);

        Assert.Equal([full, sparse], store.QueryPoison(new PoisonQuery()));
    }

    [SkippableFact]
    public void MarkPoison_ReplacesAnEarlierMark()
    {
        var store = CreateStore();
        store.MarkPoison(Poison(Key, T0));
        var again = Poison(Key, T0.AddMinutes(5)) with { Reason = "the scan failed 4 times: its process stopped", Attempts = 4 };

        store.MarkPoison(again);

        Assert.Equal(again, Assert.Single(store.QueryPoison(new PoisonQuery())));
    }

    [SkippableFact]
    public void MarkPoison_SetsTheCount_WhichTheNextBeginSees()
    {
        var store = CreateStore();
        store.Begin(Key, 3, T0);

        store.MarkPoison(Poison(Key, T0.AddSeconds(1)) with { Attempts = 3 });

        var next = store.Begin(Key, 3, T0.AddSeconds(2));
        Assert.False(next.Started);
        Assert.Equal(3, next.Count);
    }

    [SkippableFact]
    public void QueryPoison_ShowsTheCountAsItIsNow_WhenAnAttemptBeganAfterTheMark()
    {
        var store = CreateStore();
        store.Begin(Key, 3, T0);
        store.MarkPoison(Poison(Key, T0.AddSeconds(1)) with { Attempts = 1 });

        store.Begin(Key, 3, T0.AddSeconds(30));

        var listed = Assert.Single(store.QueryPoison(new PoisonQuery()));
        Assert.Equal((2, T0, T0.AddSeconds(30)), (listed.Attempts, listed.FirstSeen, listed.LastSeen));
    }

    [SkippableFact]
    public void QueryPoison_LeavesOutMessagesOnlyCounted()
    {
        var store = CreateStore();
        store.Begin(Key, 3, T0);
        store.MarkPoison(Poison(Key with { MessageId = "poison@partner.example" }, T0));

        Assert.Equal(["poison@partner.example"], store.QueryPoison(new PoisonQuery()).Select(p => p.Key.MessageId));
    }

    [SkippableFact]
    public void QueryPoison_ReturnsLatestFirstUpToLimit_AndBreaksTiesByFirstSight()
    {
        var store = CreateStore();
        var keys = Enumerable.Range(0, 4).Select(i => Key with { MessageId = $"m{i}@partner.example" }).ToArray();
        store.Begin(keys[3], 3, T0);
        store.MarkPoison(Poison(keys[0], T0.AddMinutes(1)));
        store.MarkPoison(Poison(keys[1], T0.AddMinutes(2)));
        store.MarkPoison(Poison(keys[2], T0.AddMinutes(3)));
        // Marked at the same instant as keys[2] but first seen before it (its attempt began first).
        store.MarkPoison(Poison(keys[3], T0.AddMinutes(3)));

        Assert.Equal([keys[2], keys[3], keys[1]], store.QueryPoison(new PoisonQuery(Limit: 3)).Select(p => p.Key));
    }

    [SkippableFact]
    public void QueryPoison_AppliesEveryFilter_WhenGiven()
    {
        var store = CreateStore();
        store.MarkPoison(Poison(Key, T0));
        store.MarkPoison(Poison(Key with { MessageId = "m2@partner.example" }, T0));
        store.MarkPoison(Poison(Key with { Mailbox = "carol@tenant.example" }, T0));
        store.MarkPoison(Poison(Key with { TenantId = "tenant-b" }, T0));

        Assert.Equal(3, store.QueryPoison(new PoisonQuery(TenantId: "tenant-a")).Count);
        // A mailbox filter alone spans tenants: tenant-b has a bob@ too.
        Assert.Equal(3, store.QueryPoison(new PoisonQuery(Mailbox: Key.Mailbox)).Count);
        Assert.Equal(2, store.QueryPoison(new PoisonQuery("tenant-a", Key.Mailbox)).Count);
        Assert.Empty(store.QueryPoison(new PoisonQuery(TenantId: "tenant-z")));
    }

    [SkippableTheory]
    [InlineData(0)]
    [InlineData(-1)]
    public void QueryPoison_Throws_WhenLimitIsNotPositive(int limit)
    {
        var store = CreateStore();

        Assert.Throws<ArgumentOutOfRangeException>(() => store.QueryPoison(new PoisonQuery(Limit: limit)));
    }

    [SkippableFact]
    public void DeleteTenant_RemovesCountsAndMarksOfThatTenantOnly()
    {
        var store = CreateStore();
        var other = Key with { TenantId = "tenant-b" };
        store.Begin(Key, 1, T0);
        store.MarkPoison(Poison(Key with { MessageId = "poison@partner.example" }, T0));
        store.MarkPoison(Poison(other, T0));

        Assert.Equal(2, store.DeleteTenant("tenant-a"));

        Assert.True(store.Begin(Key, 1, T0).Started);
        Assert.Equal([other], store.QueryPoison(new PoisonQuery()).Select(p => p.Key));
        Assert.Equal(0, store.DeleteTenant("tenant-c"));
    }

    /// <summary>A poison mark with every required field set, first seen at <see cref="StoreContract.T0"/> and marked
    /// at <paramref name="at"/>.</summary>
    protected static PoisonMessage Poison(MessageKey key, DateTimeOffset at) => new(
        key, "AAMk1", "the scan failed 3 times: its process stopped", 3, T0, at, MessageAction.Quarantine, Enforced: true,
        Subject: "Invoice", Sender: "alice@partner.example");
}
