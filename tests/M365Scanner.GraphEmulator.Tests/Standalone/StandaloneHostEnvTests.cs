using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using M365Scanner.GraphEmulator.Control;
using M365Scanner.GraphEmulator.Tests.TestSupport;

namespace M365Scanner.GraphEmulator.Tests.Standalone;

/// <summary><c>--redate-days</c> and <c>--host-env</c>: what scripts/host-against-emulator relies on to run a host
/// whose 90-day baseline finds the seeded Enron history.</summary>
public sealed partial class StandaloneHostEnvTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RedateDays_MovesSeededHistoryIntoWindow_AndHostEnvCarriesWorkingGraphSettings()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("emulator-hostenv-").FullName;
        try
        {
            var cert = Path.Combine(folder, "emulator.pem");
            var envFile = Path.Combine(folder, "host.env");
            using var emulator = EmulatorProcess.Start("--port", "0", "--cert", cert, "--enron", SharedData.PathOf("enron"),
                "--mailboxes", "1", "--redate-days", "80", "--host-env", envFile);
            Assert.True(await emulator.WaitForOutputAsync("Host settings for this emulator", Deadline), $"did not start. Output:\n{emulator.Output}");
            var started = DateTimeOffset.UtcNow;

            var env = Parse(await File.ReadAllTextAsync(envFile));
            Assert.Equal((await File.ReadAllTextAsync(cert)).Trim(), env["Graph__PinnedCertificatePem"].Trim());
            Assert.Equal(DemoSeed.TenantId, env["Graph__Tenants__0__TenantId"]);
            Assert.Equal(DemoSeed.TenantId, env["Scanner__Mailboxes__0__TenantId"]);
            Assert.Equal(DemoSeed.ConsoleClientId, env["Console__ClientId"]);
            var owner = env["Scanner__Mailboxes__0__Mailbox"];
            Assert.Contains($"  {owner} (", emulator.Output);
            Assert.Contains("History re-dated into the last 80 days", emulator.Output);

            // Read the mailbox with exactly the settings a host would get: every date falls in the last 80 days.
            using var http = PinnedClient(env["Graph__PinnedCertificatePem"]);
            var token = await TokenAsync(http, env);
            var dates = await ReceivedDatesAsync(http, token, env["Graph__BaseUrl"], owner);
            Assert.NotEmpty(dates);
            Assert.All(dates, d => Assert.InRange(d, started.AddDays(-81), started.AddMinutes(1)));
            Assert.True(dates.Max() - dates.Min() > TimeSpan.FromDays(30), $"history spans {dates.Max() - dates.Min()}, expected most of 80 days");
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task WithoutRedateDays_SeededHistoryKeepsItsEnronDates()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("emulator-hostenv-").FullName;
        try
        {
            var envFile = Path.Combine(folder, "host.env");
            using var emulator = EmulatorProcess.Start("--port", "0", "--cert", Path.Combine(folder, "emulator.pem"),
                "--enron", SharedData.PathOf("enron"), "--mailboxes", "1", "--host-env", envFile);
            Assert.True(await emulator.WaitForOutputAsync("Host settings for this emulator", Deadline), $"did not start. Output:\n{emulator.Output}");

            var env = Parse(await File.ReadAllTextAsync(envFile));
            using var http = PinnedClient(env["Graph__PinnedCertificatePem"]);
            var dates = await ReceivedDatesAsync(http, await TokenAsync(http, env), env["Graph__BaseUrl"], env["Scanner__Mailboxes__0__Mailbox"]);
            // A few Enron messages carry absurd Date headers (years ahead); the history as a whole stays around 2001.
            var old = dates.Count(d => d.Year < 2010);
            Assert.True(old > dates.Count * 0.95, $"{old} of {dates.Count} dates before 2010");
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Reads the file as a shell does: <c>export NAME='value'</c>, <c>'\''</c> standing for a quote.</summary>
    private static Dictionary<string, string> Parse(string text) =>
        ExportLine().Matches(text).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Replace("'\\''", "'", StringComparison.Ordinal));

    [GeneratedRegex(@"^export ([A-Za-z0-9_]+)='((?:[^']|'\\'')*)'$", RegexOptions.Multiline)]
    private static partial Regex ExportLine();

    private static HttpClient PinnedClient(string pem)
    {
        var pinned = X509Certificate2.CreateFromPem(pem);
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.RawData.AsSpan().SequenceEqual(pinned.RawData),
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    private static async Task<string> TokenAsync(HttpClient http, Dictionary<string, string> env)
    {
        var endpoint = new Uri(new Uri(env["Graph__AuthorityHost"]), $"{env["Graph__Tenants__0__TenantId"]}/oauth2/v2.0/token");
        using var response = await http.PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = env["Graph__Tenants__0__ClientId"],
            ["client_secret"] = env["Graph__Tenants__0__ClientSecret"],
            ["scope"] = "https://graph.microsoft.com/.default",
        }));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<List<DateTimeOffset>> ReceivedDatesAsync(HttpClient http, string token, string graph, string mailbox)
    {
        var dates = new List<DateTimeOffset>();
        string? next = $"{graph}/users/{Uri.EscapeDataString(mailbox)}/mailFolders/inbox/messages?$select=receivedDateTime&$top=500";
        while (next is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            dates.AddRange(body.RootElement.GetProperty("value").EnumerateArray().Select(m => m.GetProperty("receivedDateTime").GetDateTimeOffset()));
            next = body.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }
        return dates;
    }
}
