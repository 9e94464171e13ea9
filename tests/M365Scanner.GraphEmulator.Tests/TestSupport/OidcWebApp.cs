using System.Net;
using System.Security.Claims;
using M365Scanner.GraphEmulator.Tls;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace M365Scanner.GraphEmulator.Tests.TestSupport;

/// <summary>A tiny web app signing users in with the stock ASP.NET Core OpenID Connect handler against the emulator, set
/// up as a web app is set up for Entra ID (authority, client id and secret, code flow), over its own TLS on 127.0.0.1.
/// /me needs any signed-in user and answers name and roles; /admin needs the Admin app role.</summary>
public sealed class OidcWebApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OidcWebApp(WebApplication app, Uri baseUri, PinnedCertificate trust)
    {
        _app = app;
        BaseUri = baseUri;
        Trust = trust;
    }

    public Uri BaseUri { get; }

    public PinnedCertificate Trust { get; }

    public static async Task<OidcWebApp> StartAsync(EmulatorHost emulator, string tenantId, string clientId, string clientSecret)
    {
        var certificate = ServerCertificate.Create();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o => o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = new Uri(emulator.AuthorityHost, $"{tenantId}/v2.0").ToString();
                o.ClientId = clientId;
                o.ClientSecret = clientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = "roles";
                // The emulator's certificate is trusted by pinning, as the Graph client tests trust it.
                o.BackchannelHttpHandler = emulator.CreateHttpHandler();
            });
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", (ClaimsPrincipal user) => Results.Json(new
        {
            name = user.Identity!.Name,
            tid = user.FindFirst("tid")?.Value,
            roles = user.FindAll("roles").Select(c => c.Value).Order().ToArray(),
        })).RequireAuthorization();
        app.MapGet("/admin", () => "admin area").RequireAuthorization(p => p.RequireRole("Admin"));
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return new OidcWebApp(app, new Uri($"https://127.0.0.1:{port}/"), new PinnedCertificate(certificate));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
