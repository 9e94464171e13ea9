using System.Net;
using System.Text.Json;
using M365Scanner.Host.Tests.TestSupport;
using M365Scanner.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.Health;

/// <summary>/healthz and /readyz over real HTTP, anonymous.</summary>
public class ReadinessTests
{
    [Fact]
    public async Task Readyz_Is200_WhenStoreAndJobStorageAnswer()
    {
        await using var env = await ScannerEnvironment.StartAsync(settings: new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite" });
        using var http = new HttpClient { BaseAddress = new Uri(env.BaseUrl) };

        var ready = await http.GetAsync("/readyz");
        var live = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(("Healthy", "Healthy", "Healthy"), await Statuses(ready));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Readyz_Is503_WhenTheStoreNoLongerAnswers_AndSaysWhichWithoutDetails()
    {
        await using var env = await ScannerEnvironment.StartAsync(settings: new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite" });
        using var http = new HttpClient { BaseAddress = new Uri(env.BaseUrl) };
        // The store's connection is gone, as when its database file's disk fails: every query throws.
        env.Host.Services.GetRequiredService<SqliteDatabase>().Dispose();

        var ready = await http.GetAsync("/readyz");
        var live = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(("Unhealthy", "Unhealthy", "Healthy"), await Statuses(ready));
        Assert.DoesNotContain("Disposed", await ready.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode); // alive: a restart would not bring the disk back
    }

    private static async Task<(string Overall, string Store, string Jobs)> Statuses(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks");
        return (body.RootElement.GetProperty("status").GetString()!, checks.GetProperty("store").GetString()!, checks.GetProperty("jobs").GetString()!);
    }
}
