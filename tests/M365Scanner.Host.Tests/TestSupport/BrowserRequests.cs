using System.Net.Http.Headers;
using System.Text;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>
/// Requests as a browser sends them: with the dashboard's Basic login the browser remembers and replays on its own
/// (what a forged request rides on), an Origin and a Sec-Fetch-Site; or as an API client, with its key and neither.
/// </summary>
public static class BrowserRequests
{
    public const string ForeignOrigin = "https://attacker.example";

    /// <summary>A POST the browser makes with the remembered admin login. <paramref name="origin"/> null: none sent.</summary>
    public static HttpRequestMessage Post(string path, HttpContent? body, string? origin, string? fetchSite, string apiKey = ScannerTenant.AdminKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{apiKey}")));
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        if (fetchSite is not null)
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return request;
    }

    /// <summary>A POST from another site: its Origin, and Sec-Fetch-Site "cross-site".</summary>
    public static HttpRequestMessage CrossSite(string path, HttpContent? body = null) => Post(path, body, ForeignOrigin, "cross-site");

    /// <summary>A POST from the dashboard's own page: its origin is the host's base URL.</summary>
    public static HttpRequestMessage SameOrigin(string baseUrl, string path, HttpContent? body = null) =>
        Post(path, body, baseUrl.TrimEnd('/'), "same-origin");

    /// <summary>What a cross-site form post to a dashboard command looks like (Hangfire's commands read a form).</summary>
    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
