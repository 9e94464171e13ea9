using System.Diagnostics;
using System.Net.Http.Headers;
using M365Scanner.GraphEmulator.Directory;

namespace M365Scanner.GraphEmulator.Load;

/// <summary>Sustained GET /v1.0/users/{id}/messages/{id} ($select as the scanner's fetch would) over TLS with a
/// bearer token, from N concurrent loops, round-robin over the seeded messages.</summary>
internal static class GetMessageLoad
{
    public static async Task<string> RunAsync(EmulatorHost emulator, Tenant tenant, AppRegistration app, EmulatedUser user, LoadSettings settings)
    {
        var ids = emulator.Control.GetMessages(tenant.Id, user.Id, "inbox").Select(m => m.Id).ToArray();
        var token = emulator.Control.IssueAccessToken(tenant.Id, app.ClientId, app.GrantedRoles);
        using var http = new HttpClient(emulator.CreateHttpHandler()) { BaseAddress = new Uri(emulator.GraphV1 + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var recorder = new LatencyRecorder();
        var issued = 0;

        // Warm-up: JIT, connection pool and TLS sessions, not measured.
        for (var i = 0; i < 200; i++) (await http.GetAsync($"users/{user.Id}/messages/{ids[i % ids.Length]}")).Dispose();

        var clock = Stopwatch.StartNew();
        var deadline = clock.Elapsed + settings.Duration;
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(async _ =>
        {
            while (clock.Elapsed < deadline)
            {
                var n = Interlocked.Increment(ref issued);
                if (n > settings.MaxRequests) break;
                var started = clock.Elapsed;
                using var response = await http.GetAsync(
                    $"users/{user.Id}/messages/{ids[n % ids.Length]}?$select=subject,from,body,internetMessageHeaders&$expand=attachments");
                await response.Content.ReadAsByteArrayAsync();
                if (response.IsSuccessStatusCode) recorder.Add(clock.Elapsed - started); else recorder.Error();
            }
        }));
        return recorder.Summary($"GET message (concurrency {settings.Concurrency})", clock.Elapsed);
    }
}
