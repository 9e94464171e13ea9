namespace M365Scanner.Storage.Tests.Operations;

/// <summary>What every operations-store contract shares: a fixed instant with the millisecond precision every store
/// promises, and disposal of whatever a provider opens under its store.</summary>
/// <remarks>The contracts' tests are [SkippableFact]s: a provider that needs a server (PostgreSQL) skips them from its
/// constructor when none is configured, so they show as skipped rather than passed.</remarks>
public abstract class StoreContract : IDisposable
{
    protected static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);

    private readonly List<IDisposable> _owned = [];

    /// <summary>Disposes <paramref name="resource"/> with the test (for what a provider opens under a store).</summary>
    protected T Own<T>(T resource) where T : IDisposable
    {
        _owned.Add(resource);
        return resource;
    }

    public virtual void Dispose()
    {
        foreach (var resource in _owned)
            resource.Dispose();
        GC.SuppressFinalize(this);
    }
}
