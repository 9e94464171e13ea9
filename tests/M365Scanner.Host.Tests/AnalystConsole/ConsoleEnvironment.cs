using M365Scanner.Host.Tests.TestSupport;

namespace M365Scanner.Host.Tests.AnalystConsole;

/// <summary>One scanner environment shared by a class's tests that change nothing another test reads: starting one
/// costs seconds on a loaded machine.</summary>
public sealed class ConsoleEnvironment : IAsyncLifetime
{
    public ScannerEnvironment Env { get; private set; } = null!;

    public async Task InitializeAsync() => Env = await ScannerEnvironment.StartAsync();

    public async Task DisposeAsync() => await Env.DisposeAsync();
}
