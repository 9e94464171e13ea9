using M365Scanner.Core.Links;
using M365Scanner.DocumentWorker.Pool;
using M365Scanner.DocumentWorker.Worker;

namespace M365Scanner.DocumentWorker.Tests.TestSupport;

/// <summary>Pools for tests: workers with their test faults switched on, and a quick memory poll.</summary>
public static class TestPool
{
    /// <summary>Long enough that only a document that hangs on purpose ever reaches it on a loaded machine.</summary>
    public static readonly TimeSpan LongBudget = TimeSpan.FromMinutes(5);

    public static PdfWorkerPool Create(int workers, TimeSpan? budget = null, int memoryLimitMiB = 512, RecordingLogger? logger = null) =>
        new(new DocumentWorkerOptions { MaxWorkers = workers, MemoryLimitMiB = memoryLimitMiB },
            new ExtractionLimits { PdfTimeBudget = budget ?? LongBudget }, logger,
            new Dictionary<string, string> { [TestFaults.EnvironmentVariable] = "1" }, TimeSpan.FromMilliseconds(20));

    /// <summary>Waits until <paramref name="condition"/> holds, failing after <paramref name="deadline"/>.</summary>
    public static void WaitUntil(Func<bool> condition, TimeSpan deadline, string what)
    {
        // SpinUntil backs off to yielding and sleeping, so the workers it waits for keep the few cores they share.
        if (!SpinWait.SpinUntil(condition, deadline))
            Assert.Fail($"timed out after {deadline.TotalSeconds} s waiting until {what}");
    }
}
