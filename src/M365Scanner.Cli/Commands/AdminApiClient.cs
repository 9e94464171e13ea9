using System.Net.Http.Headers;

namespace M365Scanner.Cli.Commands;

/// <summary>The HTTP client the admin verbs (<c>hunt</c>, <c>release</c>) call the host's admin API with.</summary>
internal static class AdminApiClient
{
    /// <summary>Tests replace the handler to answer without a host.</summary>
    internal static Func<HttpMessageHandler> Handler { get; set; } = () => new HttpClientHandler();

    public const string ApiKeyHeader = "X-Api-Key";

    public static HttpClient Create(Uri host, string apiKey)
    {
        var client = new HttpClient(Handler(), disposeHandler: true) { BaseAddress = host, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Writes the answer's body to stdout on success, or its status and body to stderr; returns the exit code
    /// (0, or 1 when the host refused).</summary>
    public static async Task<int> ReportAsync(HttpResponseMessage response, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.IsSuccessStatusCode)
        {
            await stdout.WriteLineAsync(body);
            return ExitCodes.Success;
        }
        await stderr.WriteLineAsync($"{(int)response.StatusCode} {response.ReasonPhrase}: {body}");
        return ExitCodes.Refused;
    }
}
