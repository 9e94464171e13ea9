using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using M365Scanner.GraphEmulator.Directory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace M365Scanner.GraphEmulator.Load;

/// <summary>Delivery + notification: N concurrent loops POST MIME to the control API's deliver route (over TLS),
/// a subscription on the inbox sends change notifications to a local webhook; the figure is deliveries per second
/// until the last notification has arrived, plus delivery-to-notification latency.</summary>
internal static class DeliveryNotificationLoad
{
    public static async Task<string> RunAsync(EmulatorHost emulator, Tenant tenant, AppRegistration app, EmulatedUser user, LoadSettings settings, byte[] sample)
    {
        var clock = Stopwatch.StartNew();
        var received = 0;
        var lastArrival = TimeSpan.Zero;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var webhook = builder.Build();
        webhook.MapPost("/notify", async (HttpContext c) =>
        {
            if (c.Request.Query.TryGetValue("validationToken", out var token)) return Results.Text(token.ToString(), "text/plain");
            using var doc = await JsonDocument.ParseAsync(c.Request.Body);
            Interlocked.Add(ref received, doc.RootElement.GetProperty("value").GetArrayLength());
            lastArrival = clock.Elapsed;
            return Results.Accepted();
        });
        await webhook.StartAsync();
        var webhookUrl = webhook.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/notify";

        using var http = new HttpClient(emulator.CreateHttpHandler());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            emulator.Control.IssueAccessToken(tenant.Id, app.ClientId, app.GrantedRoles));
        (await http.PostAsJsonAsync(emulator.GraphV1 + "/subscriptions", new
        {
            changeType = "created",
            notificationUrl = webhookUrl,
            resource = $"users/{user.Id}/mailFolders('inbox')/messages",
            expirationDateTime = DateTimeOffset.UtcNow.AddHours(1),
            clientState = "load",
        })).EnsureSuccessStatusCode();

        var deliverUrl = new Uri(emulator.AuthorityHost, $"_emulator/tenants/{tenant.Id}/users/{user.Id}/deliver");
        var recorder = new LatencyRecorder();
        var issued = 0;
        clock.Restart();
        var deadline = clock.Elapsed + settings.Duration;
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(async _ =>
        {
            while (clock.Elapsed < deadline && Interlocked.Increment(ref issued) <= settings.Deliveries)
            {
                var started = clock.Elapsed;
                using var response = await http.PostAsync(deliverUrl, new ByteArrayContent(sample));
                if (response.IsSuccessStatusCode) recorder.Add(clock.Elapsed - started); else recorder.Error();
            }
        }));
        var deliveryTime = clock.Elapsed;
        var attempted = Math.Min(issued, settings.Deliveries);
        var deliveredCount = emulator.Control.GetMessages(tenant.Id, user.Id, "inbox").Count;
        var waitUntil = clock.Elapsed + TimeSpan.FromSeconds(30);
        while (Volatile.Read(ref received) < deliveredCount && clock.Elapsed < waitUntil) await Task.Delay(10);
        var end = lastArrival;
        await webhook.StopAsync();
        return $"{recorder.Summary($"deliver over HTTP (concurrency {settings.Concurrency})", deliveryTime)}\n" +
               $"delivery + notification: {deliveredCount} delivered, {received} notified, last notification at {end.TotalSeconds:F2} s " +
               $"= {received / end.TotalSeconds:F0} notified deliveries/s end to end (attempted {attempted})";
    }
}
