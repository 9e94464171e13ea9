using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Tests.Operations;

/// <summary>What every <see cref="IMessageLeases"/> must do. A provider's test class says only how to open a fresh
/// store; <see cref="CreateSecondView"/> opens another store on the same data, as a second host would.</summary>
public abstract class MessageLeasesContract : StoreContract
{
    protected static readonly MessageKey Key = MessageKey.Of("tenant-a", "Bob@Tenant.example", "<m1@partner.example>", "AAMk1");
    private static readonly MessageKey Other = MessageKey.Of("tenant-a", "bob@tenant.example", "<m2@partner.example>", "AAMk2");
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>A new, empty store.</summary>
    protected abstract IMessageLeases CreateStore();

    /// <summary>Another store on the data of the last one <see cref="CreateStore"/> made.</summary>
    protected abstract IMessageLeases CreateSecondView();

    [SkippableFact]
    public void TryAcquire_GivesTheLeaseToOneHolder_AndRefusesAnotherWhileItRuns()
    {
        var store = CreateStore();

        Assert.True(store.TryAcquire(Key, "run-1", T0, T0 + Minute));
        Assert.False(store.TryAcquire(Key, "run-2", T0.AddSeconds(59), T0.AddSeconds(59) + Minute));
        Assert.False(CreateSecondView().TryAcquire(Key, "run-3", T0.AddSeconds(1), T0.AddSeconds(1) + Minute));
        Assert.True(store.TryAcquire(Other, "run-2", T0, T0 + Minute));
    }

    [SkippableFact]
    public void TryAcquire_ExtendsTheHoldersOwnLease()
    {
        var store = CreateStore();
        store.TryAcquire(Key, "run-1", T0, T0 + Minute);

        Assert.True(store.TryAcquire(Key, "run-1", T0.AddSeconds(50), T0.AddSeconds(50) + Minute));
        Assert.False(store.TryAcquire(Key, "run-2", T0.AddSeconds(90), T0.AddSeconds(90) + Minute));
    }

    [SkippableFact]
    public void TryAcquire_TakesAnExpiredLease_FromAHolderThatStoppedRenewing()
    {
        var store = CreateStore();
        store.TryAcquire(Key, "dead-run", T0, T0 + Minute);

        Assert.True(CreateSecondView().TryAcquire(Key, "run-2", T0.AddSeconds(61), T0.AddSeconds(61) + Minute));
        Assert.False(store.TryAcquire(Key, "dead-run", T0.AddSeconds(62), T0.AddSeconds(62) + Minute));
    }

    [SkippableFact]
    public void Release_FreesTheLease_OnlyForItsHolder()
    {
        var store = CreateStore();
        store.TryAcquire(Key, "run-1", T0, T0 + Minute);

        store.Release(Key, "run-2");
        Assert.False(store.TryAcquire(Key, "run-2", T0, T0 + Minute));
        store.Release(Key, "run-1");
        Assert.True(store.TryAcquire(Key, "run-2", T0, T0 + Minute));
    }

    [SkippableFact]
    public async Task TryAcquire_IsAtomic_WhenManyRunsTryAtOnce()
    {
        var store = CreateStore();
        var views = Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? store : CreateSecondView()).ToList();

        var taken = await Task.WhenAll(views.Select((view, i) => Task.Run(() => view.TryAcquire(Key, $"run-{i}", T0, T0 + Minute))));

        Assert.Equal(1, taken.Count(t => t));
    }
}
