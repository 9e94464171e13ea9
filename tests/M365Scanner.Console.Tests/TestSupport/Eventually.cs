namespace M365Scanner.Console.Tests.TestSupport;

/// <summary>Waits for a condition with a deadline, polling; a timeout fails with what was awaited.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<T?> probe, string what, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (probe() is { } value)
                return value;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }
}
