using System.Diagnostics;
using M365Scanner.GraphEmulator.Faults;
using M365Scanner.GraphEmulator.Tests.TestSupport;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace M365Scanner.GraphEmulator.Tests.Control;

/// <summary>Each test gets its own emulator: faults and throttling are global to an instance.</summary>
public sealed class FaultAndThrottlingTests : IAsyncLifetime
{
    private readonly EmulatorFixture _f = new();

    public Task InitializeAsync() => _f.InitializeAsync();
    public Task DisposeAsync() => _f.DisposeAsync();

    [Theory]
    [InlineData(FaultKind.TooManyRequests, 429)]
    [InlineData(FaultKind.ServiceUnavailable, 503)]
    public async Task InjectedRetryableFault_IsHonouredBySdkRetryHandler(FaultKind kind, int status)
    {
        var user = _f.NewUser();
        var id = _f.Emulator.Control.Deliver(_f.Tenant.Id, user.Id, Mime.Message("retry"));
        _f.Emulator.Control.InjectFault(new FaultRule { Kind = kind, Method = "GET", Pattern = "/messages/", Times = 1, RetryAfterSeconds = 1 });
        _f.Emulator.Control.ClearRequests();
        var clock = Stopwatch.StartNew();

        var message = await _f.Graph.Users[user.Id].Messages[id].GetAsync();

        Assert.Equal("retry", message!.Subject);
        Assert.Equal([status, 200], _f.Emulator.Control.Requests.Where(r => r.Path.Contains("/messages/")).Select(r => r.Status));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), "the SDK waited for Retry-After");
    }

    [Fact]
    public async Task InjectedDelay_SlowsMatchingRequests()
    {
        var user = _f.NewUser();
        await _f.Graph.Users[user.Id].GetAsync();
        _f.Emulator.Control.InjectFault(new FaultRule { Kind = FaultKind.Delay, Pattern = "/mailFolders", Delay = TimeSpan.FromMilliseconds(400), Times = 1 });
        var clock = Stopwatch.StartNew();

        await _f.Graph.Users[user.Id].MailFolders["inbox"].GetAsync();

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(380));
    }

    [Fact]
    public async Task Throttling_RefusesRequestsOverTheWindowBudget_WithRetryAfter()
    {
        var user = _f.NewUser();
        _f.Emulator.Control.SetThrottling(new ThrottlingOptions { Enabled = true, RequestsPerWindow = 3, Window = TimeSpan.FromMinutes(10) });
        var noRetry = new RetryHandlerOption { MaxRetry = 0 };

        for (var i = 0; i < 3; i++)
            await _f.Graph.Users[user.Id].MailFolders["inbox"].GetAsync(r => r.Options.Add(noRetry));
        var e = await Assert.ThrowsAsync<ODataError>(() => _f.Graph.Users[user.Id].MailFolders["inbox"].GetAsync(r => r.Options.Add(noRetry)));
        var other = _f.NewUser();
        await _f.Graph.Users[other.Id].MailFolders["inbox"].GetAsync(r => r.Options.Add(noRetry));

        Assert.Equal(429, e.ResponseStatusCode);
        Assert.Equal("ApplicationThrottled", e.Error!.Code);
        Assert.True(int.Parse(e.ResponseHeaders["Retry-After"].Single()) > 500);
    }

    [Fact]
    public async Task Throttling_RefusesOverConcurrencyLimitPerMailbox()
    {
        var user = _f.NewUser();
        _f.Emulator.Control.SetThrottling(new ThrottlingOptions { Enabled = true, ConcurrentRequestsPerMailbox = 4 });
        _f.Emulator.Control.InjectFault(new FaultRule { Kind = FaultKind.Delay, Pattern = "/mailFolders", Delay = TimeSpan.FromSeconds(3) });
        var noRetry = new RetryHandlerOption { MaxRetry = 0 };
        await _f.Graph.Users[user.Id].GetAsync(); // token acquired before the burst

        var calls = Enumerable.Range(0, 6).Select(async _ =>
        {
            try { await _f.Graph.Users[user.Id].MailFolders["inbox"].GetAsync(r => r.Options.Add(noRetry)); return 200; }
            catch (ODataError e) { Assert.Contains("MailboxConcurrency", e.Error!.Message); return e.ResponseStatusCode; }
        }).ToArray();
        var statuses = await Task.WhenAll(calls);

        Assert.Equal(4, statuses.Count(s => s == 200));
        Assert.Equal(2, statuses.Count(s => s == 429));
    }
}
