using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>What the Hangfire dashboard's own script does before a command: read the antiforgery header name and
/// token from the page's meta tags (the client must keep the cookie that comes with them) and send them along.</summary>
public static partial class DashboardPage
{
    public static async Task AddTokenAsync(HttpClient http, HttpRequestMessage command, string apiKey = ScannerTenant.AdminKey)
    {
        using var page = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        page.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{apiKey}")));
        using var response = await http.SendAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        var header = Meta("csrf-header", html);
        var token = Meta("csrf-token", html);
        command.Headers.Add(header, token);
    }

    private static string Meta(string name, string html) =>
        MetaTag().Matches(html).FirstOrDefault(m => m.Groups["name"].Value == name) is { } m
            ? WebUtility.HtmlDecode(m.Groups["content"].Value)
            : throw new InvalidOperationException($"the dashboard page has no {name} meta tag");

    [GeneratedRegex("<meta name=\"(?<name>[^\"]+)\" content=\"(?<content>[^\"]*)\"")]
    private static partial Regex MetaTag();
}
