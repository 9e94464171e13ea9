using System.Text;
using Hangfire;
using Hangfire.Storage;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Telemetry;
using M365Scanner.Host.Tests.TestSupport;
using M365Scanner.Storage.InMemory;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace M365Scanner.Host.Tests.Scanning;

/// <summary>The webhook's handling of what Graph never sends: forged, mismatched and malformed entries. Each test
/// asserts the answer, that nothing reached the work queue (the only thing the webhook persists), and what the log
/// says about it.</summary>
public sealed class GraphNotificationsApiTests : IDisposable
{
    private const string Tenant = "6f1b1d2e-7c55-4f0b-9a0e-1b2c3d4e5f60";
    private const string OtherTenant = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";
    private const string Secret = "the-subscription-secret";

    private readonly InMemoryWorkerStateStore _state = new();
    private readonly RecordingQueue _queue = new();
    private readonly CapturedLogs _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly ServiceProvider _services;
    private readonly ScannerMetrics _metrics;
    private readonly RecordedMetrics _recorded;

    public GraphNotificationsApiTests()
    {
        _state.SaveSubscription(new SubscriptionRecord("sub-1", Tenant, "bob@contoso.example", "users/bob/mailFolders('inbox')/messages", Secret,
            DateTimeOffset.UtcNow.AddDays(1)));
        _loggers = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        _recorded = new RecordedMetrics(meters);
        _metrics = new ScannerMetrics(meters, new NoJobStorage(), NullLogger<ScannerMetrics>.Instance);
    }

    [Fact]
    public async Task ForgedEntries_AreRefused_WithOneSummaryLinePerCall_AndNothingQueued()
    {
        var forged = Enumerable.Range(0, 100_000).Select(i => Entry($"forged-{i}", Secret, Tenant, $"m{i}"));

        var result = await NotificationsAsync($$"""{"value":[{{string.Join(',', forged)}}]}""");

        Assert.Equal(StatusCodes.Status403Forbidden, Status(result));
        Assert.Empty(_queue.Calls);
        var warning = Assert.Single(_logs.Records, r => r.Level >= LogLevel.Warning);
        Assert.Contains("refused 100000 of 100000", warning.Message);
        Assert.Contains("unknown subscription: 100000", warning.Message);
        Assert.Equal(100_000, _recorded.Sum("m365scanner.notifications.refused", ("reason", NotificationRefusals.UnknownSubscription)));
    }

    [Fact]
    public async Task TenantMismatch_IsRefused_AndCounted_AndNothingQueued()
    {
        var result = await NotificationsAsync($$"""{"value":[{{Entry("sub-1", Secret, OtherTenant, "m1")}}]}""");

        Assert.Equal(StatusCodes.Status403Forbidden, Status(result));
        Assert.Empty(_queue.Calls);
        Assert.Contains("tenant mismatch: 1", Assert.Single(_logs.Records, r => r.Level >= LogLevel.Warning).Message);
        Assert.Equal(1, _recorded.Sum("m365scanner.notifications.refused", ("reason", NotificationRefusals.TenantMismatch)));
    }

    [Fact]
    public async Task MissingTenant_IsRefusedAsAMismatch()
    {
        var result = await NotificationsAsync($$"""{"value":[{{Entry("sub-1", Secret, null, "m1")}}]}""");

        Assert.Equal(StatusCodes.Status403Forbidden, Status(result));
        Assert.Empty(_queue.Calls);
    }

    [Fact]
    public async Task MixedCall_QueuesOnlyTheGenuineEntry_AndSumsUpTheRestOnce()
    {
        var body = $$"""
            {"value":[{{Entry("sub-1", Secret, Tenant, "genuine")}},{{Entry("sub-1", "guessed", Tenant, "m2")}},
            {{Entry("sub-1", Secret, OtherTenant, "m3")}},{{Entry("nope", Secret, Tenant, "m4")}}]}
            """;

        var result = await NotificationsAsync(body);

        Assert.Equal(StatusCodes.Status202Accepted, Status(result));
        Assert.Equal(["scan " + Tenant + " bob@contoso.example genuine"], _queue.Calls);
        var warning = Assert.Single(_logs.Records, r => r.Level >= LogLevel.Warning).Message;
        Assert.Contains("refused 3 of 4", warning);
        Assert.Contains("clientState mismatch: 1", warning);
        Assert.Contains("tenant mismatch: 1", warning);
        Assert.Contains("unknown subscription: 1", warning);
        Assert.DoesNotContain("guessed", warning);
    }

    [Theory]
    [InlineData("""{"value":[null]}""")]
    [InlineData("""{"value":[null,{"subscriptionId":"sub-1","clientState":"the-subscription-secret","tenantId":"6f1b1d2e-7c55-4f0b-9a0e-1b2c3d4e5f60","resourceData":{"id":"m1"}}]}""")]
    [InlineData("""{"value":null}""")]
    [InlineData("""{"value":[]}""")]
    [InlineData("""{}""")]
    [InlineData("""null""")]
    [InlineData("""{"value":[1]}""")]
    [InlineData("""{"value":[{"subscriptionId":{"nested":true}}]}""")]
    [InlineData("""not json""")]
    public async Task MalformedCall_Answers400_WithoutAStackTrace_AndQueuesNothing(string body)
    {
        var notifications = await NotificationsAsync(body);
        var lifecycle = await GraphNotificationsApi.ReceiveLifecycle(Request(body), _state, _queue, _metrics, _loggers);

        Assert.Equal(StatusCodes.Status400BadRequest, Status(notifications));
        Assert.Equal(StatusCodes.Status400BadRequest, Status(lifecycle));
        Assert.Empty(_queue.Calls);
        Assert.All(_logs.Records, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(_logs.Records, r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task LifecycleEventFromAnotherTenant_IsRefused_AndNothingQueued()
    {
        var body = $$"""{"value":[{"subscriptionId":"sub-1","clientState":"{{Secret}}","tenantId":"{{OtherTenant}}","lifecycleEvent":"missed"}]}""";

        var result = await GraphNotificationsApi.ReceiveLifecycle(Request(body), _state, _queue, _metrics, _loggers);

        Assert.Equal(StatusCodes.Status403Forbidden, Status(result));
        Assert.Empty(_queue.Calls);
        Assert.Contains("tenant mismatch: 1", Assert.Single(_logs.Records, r => r.Level >= LogLevel.Warning).Message);
    }

    [Fact]
    public async Task LifecycleEventOfItsOwnTenant_IsQueued()
    {
        var body = $$"""{"value":[{"subscriptionId":"sub-1","clientState":"{{Secret}}","tenantId":"{{Tenant.ToUpperInvariant()}}","lifecycleEvent":"missed"}]}""";

        var result = await GraphNotificationsApi.ReceiveLifecycle(Request(body), _state, _queue, _metrics, _loggers);

        Assert.Equal(StatusCodes.Status202Accepted, Status(result));
        Assert.Equal(["catch-up " + Tenant + " bob@contoso.example"], _queue.Calls);
    }

    private Task<Results<Accepted, BadRequest, StatusCodeHttpResult>> NotificationsAsync(string body) =>
        GraphNotificationsApi.ReceiveNotifications(Request(body), _state, _queue, _metrics, _loggers);

    private static string Entry(string subscriptionId, string clientState, string? tenantId, string messageId)
    {
        var tenant = tenantId is null ? "" : $"\"tenantId\":\"{tenantId}\",";
        return $$$"""{"subscriptionId":"{{{subscriptionId}}}","clientState":"{{{clientState}}}",{{{tenant}}}"changeType":"created","resource":"Users/bob/Messages/{{{messageId}}}","resourceData":{"id":"{{{messageId}}}"}}""";
    }

    private static HttpRequest Request(string body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }

    private static int? Status(Results<Accepted, BadRequest, StatusCodeHttpResult> result) => result.Result switch
    {
        Accepted => StatusCodes.Status202Accepted,
        BadRequest => StatusCodes.Status400BadRequest,
        StatusCodeHttpResult code => code.StatusCode,
        _ => null,
    };

    public void Dispose()
    {
        _recorded.Dispose();
        _loggers.Dispose();
        _services.Dispose();
    }

    // Hangfire's own storages log through a process-wide provider that another test's host may have disposed; the
    // webhook never touches the job storage (only the queue-length gauge reads it), so none is needed.
    private sealed class NoJobStorage : JobStorage
    {
        public override IMonitoringApi GetMonitoringApi() => throw new NotSupportedException();
        public override IStorageConnection GetConnection() => throw new NotSupportedException();
    }

    private sealed class RecordingQueue : IWorkQueue
    {
        public List<string> Calls { get; } = [];
        public void ScanMessage(string tenantId, string mailbox, string messageId) => Calls.Add($"scan {tenantId} {mailbox} {messageId}");
        public void ScanMessages(IReadOnlyList<MessageRef> messages) => Calls.AddRange(messages.Select(m => $"scan {m.TenantId} {m.Mailbox} {m.MessageId}"));
        public void CatchUp(string tenantId, string mailbox) => Calls.Add($"catch-up {tenantId} {mailbox}");
        public void RenewSubscription(string subscriptionId) => Calls.Add($"renew {subscriptionId}");
        public void RecreateSubscription(string subscriptionId) => Calls.Add($"recreate {subscriptionId}");
    }
}
