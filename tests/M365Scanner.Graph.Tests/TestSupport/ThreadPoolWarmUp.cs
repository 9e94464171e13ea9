using System.Runtime.CompilerServices;

namespace M365Scanner.Graph.Tests.TestSupport;

internal static class ThreadPoolWarmUp
{
    /// <summary>Emulators, receivers and SDK clients share this process; on a 2-core machine the pool would start with
    /// two threads and add more slowly, so any blocking call (MSAL, test framework) stalls every server in the process.</summary>
    [ModuleInitializer]
    internal static void Init() => ThreadPool.SetMinThreads(64, 64);
}
