using M365Scanner.Demo.Scenario;
using M365Scanner.GraphEmulator;
using M365Scanner.GraphEmulator.Control;
using Microsoft.AspNetCore.Builder;

namespace M365Scanner.Demo;

/// <summary>
/// A running demo, once its scenario has been delivered: the emulator and the host stay up until disposed. What the
/// demo program prints, as values a test can drive (a browser at <see cref="BaseUrl"/>, the mailbox read back through
/// <see cref="Emulator"/>). Built by <see cref="DemoRunner.StartAsync"/>.
/// </summary>
public sealed class DemoSession : IAsyncDisposable
{
    private readonly DemoRunner _runner;
    private readonly Action<string> _say;
    private readonly List<DeliveredMessage> _messages = [];
    private WebApplication? _host;

    internal DemoSession(DemoRunner runner, EmulatorHost emulator, Action<string> say)
    {
        _runner = runner;
        _say = say;
        Emulator = emulator;
    }

    /// <summary>The Graph emulator: its control API reads the mailboxes' folders and messages back.</summary>
    public EmulatorHost Emulator { get; }

    /// <summary>The host's address, e.g. <c>http://127.0.0.1:5080</c> (no trailing slash): the blocked-link pages, the
    /// dashboard and the console live under it.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The host's services (stores, Hangfire), for reading back what it recorded.</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>The seeded and protected mailboxes; the scenario is delivered to the first.</summary>
    public IReadOnlyList<SeededMailbox> Mailboxes { get; private set; } = [];

    /// <summary>The scenario delivered (its partner and messages).</summary>
    public DemoScenario Scenario { get; private set; } = null!;

    /// <summary>Each message delivered so far, in order, with its verdict and what the mailbox showed.</summary>
    public IReadOnlyList<DeliveredMessage> Messages => _messages;

    /// <summary>The mailbox the scenario was delivered to.</summary>
    public string Mailbox => Scenario.Mailbox;

    /// <summary>Delivers one more message to <see cref="Mailbox"/> the way the scenario's were (printed the same way)
    /// and waits for its verdict. <see cref="DeliveredMessage.Verdict"/> is null when none came in time.</summary>
    public async Task<DeliveredMessage> DeliverAsync(DemoMessage message, CancellationToken ct = default)
    {
        var number = _messages.Count + 1;
        var delivered = await _runner.DeliverAsync(this, message, number, number, ct);
        _messages.Add(delivered);
        return delivered;
    }

    internal void Started(WebApplication host, string baseUrl, IReadOnlyList<SeededMailbox> mailboxes)
    {
        _host = host;
        BaseUrl = baseUrl;
        Mailboxes = mailboxes;
    }

    internal void Scheduled(DemoScenario scenario) => Scenario = scenario;

    internal void Add(DeliveredMessage message) => _messages.Add(message);

    /// <summary>Stops the host, then the emulator.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            try
            {
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _host.StopAsync(stopping.Token);
                await _host.DisposeAsync();
            }
            finally
            {
                _host = null;
                _say("Stopped the host and the emulator.");
            }
        }
        await Emulator.DisposeAsync();
    }
}
