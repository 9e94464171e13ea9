namespace M365Scanner.GraphEmulator.Subscriptions;

/// <summary>Graph's endpoint validation: before a subscription exists, POST {url}?validationToken=... and require
/// 200 with a text/plain body equal to the token, within the time limit (10 seconds).</summary>
internal sealed class ValidationHandshake(EmulatorOptions options)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<bool> ValidateAsync(Uri url, CancellationToken cancel)
    {
        var token = "Validation: Testing client application reachability for subscription Request-Id: " + Guid.NewGuid();
        var separator = string.IsNullOrEmpty(url.Query) ? "?" : "&";
        var target = new Uri(url + separator + "validationToken=" + Uri.EscapeDataString(token));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(options.ValidationTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent("", null, "text/plain") };
            using var response = await Http.SendAsync(request, timeout.Token);
            if ((int)response.StatusCode != 200) return false;
            if (response.Content.Headers.ContentType?.MediaType is not "text/plain") return false;
            return await response.Content.ReadAsStringAsync(timeout.Token) == token;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }
}
