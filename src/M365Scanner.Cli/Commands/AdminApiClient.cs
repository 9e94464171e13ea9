using System.Net;
using System.Net.Http.Headers;

namespace M365Scanner.Cli.Commands;

/// <summary>The HTTP client the admin verbs (<c>hunt</c>, <c>release</c>) call the host's admin API with.</summary>
internal static class AdminApiClient
{
    /// <summary>Tests replace the handler to answer without a host.</summary>
    internal static Func<HttpMessageHandler> Handler { get; set; } = () => new HttpClientHandler();

    public const string ApiKeyHeader = "X-Api-Key";

    /// <param name="apiKey">The key for the <c>X-Api-Key</c> header; null sends none.</param>
    public static HttpClient Create(Uri host, string? apiKey)
    {
        var client = new HttpClient(Handler(), disposeHandler: true) { BaseAddress = host, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
            client.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Writes the answer's body to stdout on success, or its status and body to stderr; returns the exit code
    /// (0, or 1 when the host refused). A 401's body is the host's reason; a hint on what to change follows it.</summary>
    /// <param name="sentKey">Whether the request carried a key: a 401 then says which of the two to fix.</param>
    public static async Task<int> ReportAsync(HttpResponseMessage response, bool sentKey, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.IsSuccessStatusCode)
        {
            await stdout.WriteLineAsync(body);
            return ExitCodes.Success;
        }
        await stderr.WriteLineAsync($"{(int)response.StatusCode} {response.ReasonPhrase}: {body}");
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            await stderr.WriteLineAsync(sentKey
                ? "The host does not know this key: check --api-key or $" + HostOptions.ApiKeyVariable + " against its Scanner:ApiKeys."
                : "No key was sent: give --api-key KEY or set $" + HostOptions.ApiKeyVariable +
                  " (only the demo host, asked from its own machine, admits requests without one).");
        return ExitCodes.Refused;
    }
}
