namespace M365Scanner.Graph.Tests.TestSupport;

/// <summary>Waits for a condition with a deadline (never a bare sleep-and-hope).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Condition not met in time: " + because);
            await Task.Delay(20);
        }
    }
}
