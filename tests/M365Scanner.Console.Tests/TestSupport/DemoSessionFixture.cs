using M365Scanner.Demo;

namespace M365Scanner.Console.Tests.TestSupport;

/// <summary>
/// The demo (emulator, host, baselines, the scenario's four messages) started in-process once per test collection and
/// kept running, as `m365scanner-demo demo` leaves it: one mailbox, the shared data in place, a temporary state folder,
/// any free port. Started on first use, so tests skipped for want of a browser do not pay for it.
/// </summary>
public sealed class DemoSessionFixture : IAsyncLifetime
{
    private readonly StringWriter _transcript = new();
    private readonly string _state = Directory.CreateTempSubdirectory("m365scanner-console-").FullName;
    private readonly Lazy<Task<DemoSession>> _session;

    public DemoSessionFixture()
    {
        _session = new(StartAsync);
    }

    /// <summary>What the demo printed so far, for failure messages.</summary>
    public string Transcript
    {
        get { lock (_transcript) return _transcript.ToString(); }
    }

    /// <summary>The running demo, once its scenario has been delivered.</summary>
    public Task<DemoSession> SessionAsync() => _session.Value;

    private async Task<DemoSession> StartAsync()
    {
        var data = SharedDataFolder.Locate();
        if (SharedDataFolder.Problem(data) is { } problem)
            throw new InvalidOperationException(problem);
        var writer = TextWriter.Synchronized(_transcript);
        var settings = new DemoSettings(Once: true, Mailboxes: 1, SharedData: data!, StateDirectory: _state, Port: 0);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            return await new DemoRunner(settings, writer, writer).StartAsync(timeout.Token);
        }
        catch (DemoFailure failure)
        {
            throw new InvalidOperationException($"The demo did not start: {failure.Message}\n{Transcript}", failure);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_session.IsValueCreated && _session.Value.IsCompletedSuccessfully)
            await _session.Value.Result.DisposeAsync();
        try { Directory.Delete(_state, recursive: true); }
        catch (IOException) { }
    }
}
