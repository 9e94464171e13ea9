namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>Waits for a condition with a deadline, polling: the background pipeline has no single event to await,
/// and sleeping a fixed time would be either flaky or slow.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<T?> probe, string what, TimeSpan? timeout = null) where T : class
    {
        // Generous: CI runs these on 2 shared cores beside other test assemblies; a pass takes a second or two.
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (probe() is { } value)
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what}");
            await Task.Delay(50);
        }
    }

    public static async Task<T> Until<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await probe() is { } value)
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what}");
            await Task.Delay(100);
        }
    }

    public static async Task True(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        await Until(() => condition() ? "ok" : null, what, timeout);
}
