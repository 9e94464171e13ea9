using Hangfire;
using Hangfire.States;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.Workers;

/// <summary>Two hosts in one process (as the tests run them) each keep their own Hangfire storage and job activator,
/// whatever order their services are first asked for: Hangfire's own registration hands a host the process-wide
/// storage set last, which is the other host's when their start-ups interleave.</summary>
public sealed class HostJobStorageTests : IDisposable
{
    private readonly string _first = TestDataDirectory.New();
    private readonly string _second = TestDataDirectory.New();

    public static void Work() { }

    [Fact]
    public void TwoHostsStartingInterleaved_EachQueueIntoTheirOwnStorage_AndActivateWithTheirOwnServices()
    {
        using var first = Build(_first);
        using var second = Build(_second);

        // The first host configures Hangfire, the second host then configures it and resolves its storage, and only
        // then does the first resolve its own: the order in which Hangfire's registration handed the first host the
        // second's storage.
        first.Services.GetRequiredService<IGlobalConfiguration>();
        var secondStorage = second.Services.GetRequiredService<JobStorage>();
        var firstStorage = first.Services.GetRequiredService<JobStorage>();

        Assert.NotSame(secondStorage, firstStorage);
        Assert.NotSame(second.Services.GetRequiredService<JobActivator>(), first.Services.GetRequiredService<JobActivator>());
        first.Services.GetRequiredService<IBackgroundJobClient>().Create(() => Work(), new EnqueuedState("default"));
        Assert.Equal(1, firstStorage.GetMonitoringApi().EnqueuedCount("default"));
        Assert.Equal(0, secondStorage.GetMonitoringApi().EnqueuedCount("default"));
    }

    private static WebApplication Build(string dataDirectory) =>
        ScannerApp.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scanner:DataDirectory"] = dataDirectory,
            ["Storage:Provider"] = "InMemory",
        }));

    public void Dispose()
    {
        TestDataDirectory.Delete(_first);
        TestDataDirectory.Delete(_second);
    }
}
