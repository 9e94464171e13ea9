using System.Text;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Alerts;

/// <summary>
/// One POST of one alert to one webhook, with the per-attempt timeout: the generic JSON signed, or the Teams card.
/// 2xx is delivered; 408, 429, 5xx, a timeout or a network error may pass and are retried; anything else (another 4xx,
/// a redirect, which is not followed) will not and is refused. The error kept names the status and the first
/// <see cref="MaxErrorBytes"/> bytes of the answer, never the URL (a Teams URL is its secret).
/// </summary>
public sealed class AlertSender(IHttpClientFactory clients, IOptions<AlertOptions> options, TimeProvider clock)
{
    /// <summary>The named HTTP client (no redirects, no request logging: the URL must not reach the logs).</summary>
    public const string HttpClientName = "alerts";
    public const string AlertIdHeader = "X-M365Scanner-Alert-Id";
    public const int MaxErrorBytes = 512;

    public async Task<AlertSendResult> SendAsync(AlertWebhookOptions webhook, string alertId, string payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var body = Body(webhook.Format, payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(AlertIdHeader, alertId);
        if (webhook.Format == AlertFormat.Json)
            request.Headers.Add(AlertSignature.Header, AlertSignature.Sign(webhook.Secret!, clock.GetUtcNow(), body));

        var timeout = options.Value.AttemptTimeout;
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(timeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
                return AlertSendResult.Success;
            // A receiver may echo the request, and a Teams URL's query is its secret.
            var error = $"HTTP {status}{Scrub(await ExcerptAsync(response, attempt.Token), webhook.Url)}";
            return status is 408 or 429 or >= 500
                ? AlertSendResult.Retry(error, RetryAfter(response))
                : AlertSendResult.Refused(error);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return AlertSendResult.Retry($"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return AlertSendResult.Retry($"could not reach the receiver: {Scrub(e.Message, webhook.Url)}");
        }
    }

    /// <summary>The bytes POSTed for an alert whose stored payload is <paramref name="payload"/>.</summary>
    public static byte[] Body(AlertFormat format, string payload) => format == AlertFormat.Teams
        ? Encoding.UTF8.GetBytes(TeamsCard.From(AlertPayload.Parse(payload)).ToJsonString())
        : Encoding.UTF8.GetBytes(payload);

    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new byte[MaxErrorBytes];
            var read = 0;
            while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), ct) is var n and > 0)
                read += n;
            var text = Encoding.UTF8.GetString(buffer, 0, read).ReplaceLineEndings(" ").Trim();
            return text.Length == 0 ? "" : $": {text}";
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return "";
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow(),
        _ => null,
    };

    // Socket errors name the host and port, not the path, but a handler deeper down could; the path is what Teams keeps secret.
    private static string Scrub(string message, string url)
    {
        var scrubbed = message.Replace(url, "<webhook url>", StringComparison.OrdinalIgnoreCase);
        var uri = new Uri(url);
        if (uri.PathAndQuery.Length > 1)
            scrubbed = scrubbed.Replace(uri.PathAndQuery, "/<path>", StringComparison.OrdinalIgnoreCase);
        return uri.Query.Length > 1 ? scrubbed.Replace(uri.Query[1..], "<query>", StringComparison.OrdinalIgnoreCase) : scrubbed;
    }
}
