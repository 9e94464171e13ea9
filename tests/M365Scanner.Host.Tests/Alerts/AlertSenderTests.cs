using System.Net;
using System.Net.Sockets;
using M365Scanner.Host.Alerts;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.Alerts;

/// <summary>How one POST's outcome is read, against real sockets on 127.0.0.1, through the host's own registration of the
/// sender and its HTTP client.</summary>
public sealed class AlertSenderTests
{
    private const string Payload = """{"alertId":"alert-1"}""";

    [Theory]
    [InlineData(200, true, false)]
    [InlineData(204, true, false)]
    [InlineData(408, false, true)]
    [InlineData(429, false, true)]
    [InlineData(500, false, true)]
    [InlineData(503, false, true)]
    [InlineData(400, false, false)]
    [InlineData(401, false, false)]
    [InlineData(404, false, false)]
    [InlineData(410, false, false)]
    public async Task TheStatus_Decides_DeliveredRetryOrRefused(int status, bool delivered, bool retryable)
    {
        await using var receiver = await AlertReceiver.StartAsync();
        receiver.Answer = (_, _) => status;

        var result = await Send(receiver.BaseUrl + "/hook");

        Assert.Equal((delivered, retryable), (result.Delivered, result.Retryable));
        if (!delivered)
            Assert.Equal($"HTTP {status}: answer {status}", result.Error);
    }

    [Fact]
    public async Task AnAnswerEchoingTheUrl_KeepsItsSecretPathAndQueryOutOfTheError()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        receiver.Answer = (_, _) => 404;
        receiver.EchoRequest = true;

        var result = await Send(receiver.BaseUrl + "/workflows/abc123/triggers?sig=s3cr3t-signature");

        Assert.StartsWith("HTTP 404: no hook at ", result.Error);
        Assert.DoesNotContain("abc123", result.Error);
        Assert.DoesNotContain("s3cr3t-signature", result.Error);
    }

    [Fact]
    public async Task ARetryAfter_IsPassedOn()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        receiver.Answer = (_, _) => 429;
        receiver.RetryAfterSeconds = 120;

        var result = await Send(receiver.BaseUrl + "/hook");

        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
    }

    [Fact]
    public async Task ARedirect_IsNotFollowed_AndRefused()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        receiver.Answer = (path, _) => path == "/hook" ? 302 : 200;
        receiver.Location = receiver.BaseUrl + "/elsewhere";

        var result = await Send(receiver.BaseUrl + "/hook");

        Assert.Equal((false, false), (result.Delivered, result.Retryable));
        Assert.Empty(receiver.At("/elsewhere"));
    }

    [Fact]
    public async Task NoListener_IsRetried_AndTheErrorKeepsTheUrlsSecretPathOut()
    {
        var url = $"http://127.0.0.1:{ScannerTenant.FreePort()}/webhookb2/the-secret-part";

        var result = await Send(url, AlertFormat.Teams);

        Assert.Equal((false, true), (result.Delivered, result.Retryable));
        Assert.StartsWith("could not reach the receiver", result.Error);
        Assert.DoesNotContain("the-secret-part", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReceiverThatNeverAnswers_IsGivenUpOnAfterTheAttemptTimeout_AndRetried()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var accepted = silent.AcceptTcpClientAsync();

        var result = await Send($"http://127.0.0.1:{port}/hook");

        Assert.Equal((false, true, "no answer within 1 s"), (result.Delivered, result.Retryable, result.Error));
        (await accepted).Dispose();
    }

    private static async Task<AlertSendResult> Send(string url, AlertFormat format = AlertFormat.Json)
    {
        using var host = AlertServices.Build(new Dictionary<string, string?> { ["Alerts:AttemptTimeout"] = "00:00:01" });
        var sender = host.Services.GetRequiredService<AlertSender>();
        var webhook = new AlertWebhookOptions { Name = "hook", Url = url, Format = format, Secret = "0123456789abcdef" };
        var payload = format == AlertFormat.Teams
            ? AlertPayload.From("alert-1", new Core.Operations.VerdictRecord(new("t", "m", "id"), "g", DateTimeOffset.UtcNow,
                Core.Policy.MessageAction.Quarantine, 1, "x", true, "[]", ""), null).ToJson()
            : Payload;
        return await sender.SendAsync(webhook, "alert-1", payload, CancellationToken.None);
    }
}
