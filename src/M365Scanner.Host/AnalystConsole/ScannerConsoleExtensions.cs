using M365Scanner.Graph.Clients;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace M365Scanner.Host.AnalystConsole;

/// <summary>
/// The analyst console: server-rendered Razor Pages under <see cref="ConsolePaths.Root"/>, signed in with OpenID
/// Connect (Entra ID, or the Graph emulator in the demo and tests) into a cookie session. Its policies accept only
/// that cookie: an API key opens the admin API, never the console, and the demo's keyless local access does not
/// apply here either.
/// </summary>
public static class ScannerConsoleExtensions
{
    public const string CookieScheme = "ConsoleCookie";
    public const string SignInScheme = "ConsoleOidc";

    public static IHostApplicationBuilder AddScannerConsole(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section)
            .Validate(o => !o.Enabled || Uri.TryCreate(o.Authority, UriKind.Absolute, out _), "Console:Authority must be an absolute URL.")
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.ClientSecret), "Console:ClientSecret is required when Console:ClientId is set.")
            .Validate(o => o.SessionIdleTimeout > TimeSpan.Zero && o.SessionMaxLifetime > TimeSpan.Zero,
                "Console:SessionIdleTimeout and Console:SessionMaxLifetime must be positive.")
            .ValidateOnStart();
        var console = builder.Configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions();

        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/AnalystConsole/Pages";
            o.Conventions.Add(new ConsoleRoutePrefix());
            o.Conventions.AuthorizeFolder("/", ConsoleRoles.ReadPolicy);
            o.Conventions.AllowAnonymousToPage("/SignedOut");
            o.Conventions.ConfigureFilter(new ConsoleSecurityHeaders());
        })
            // The pages are compiled into this assembly; MVC would look only in the entry assembly, which is the demo
            // program or a test runner when they host the scanner.
            .AddApplicationPart(typeof(ScannerConsoleExtensions).Assembly);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleRoles.ReadPolicy, p => p.AddAuthenticationSchemes(CookieScheme).RequireRole(ConsoleRoles.Readers))
            .AddPolicy(ConsoleRoles.ActPolicy, p => p.AddAuthenticationSchemes(CookieScheme).RequireRole(ConsoleRoles.Actors))
            .AddPolicy(ConsoleRoles.AdministerPolicy, p => p.AddAuthenticationSchemes(CookieScheme).RequireRole(ConsoleRoles.Administrators));

        var authentication = builder.Services.AddAuthentication();
        authentication.AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = "m365scanner.console";
            o.Cookie.HttpOnly = true;
            // Lax, not Strict: the sign-in returns from the identity provider's site as a top-level GET.
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = ConsolePaths.Root;
            o.ExpireTimeSpan = console.SessionIdleTimeout;
            o.SlidingExpiration = true;
            o.ForwardChallenge = console.Enabled ? SignInScheme : null;
            o.Events.OnRedirectToAccessDenied = ConsoleAccessDenied.WriteAsync;
            o.Events.OnValidatePrincipal = context => ConsoleSessionLifetime.CheckAsync(context, console.SessionMaxLifetime);
        });
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<IOptions<ScannerHostOptions>>((o, scanner) => o.Cookie.SecurePolicy = SecurePolicy(scanner.Value));
        // The antiforgery cookie is the host's (the Hangfire dashboard checks it too), and as much a secret as the session's.
        builder.Services.AddOptions<AntiforgeryOptions>()
            .Configure<IOptions<ScannerHostOptions>>((o, scanner) => o.Cookie.SecurePolicy = SecurePolicy(scanner.Value));
        if (!console.Enabled)
            return builder;

        authentication.AddOpenIdConnect(SignInScheme, o =>
        {
            o.SignInScheme = CookieScheme;
            o.Authority = console.Authority;
            o.ClientId = console.ClientId;
            o.ClientSecret = console.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            // The code comes back in the query of a top-level GET: a form post from the identity provider's origin
            // would be a cross-site POST, which the host refuses before any handler sees it.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.MapInboundClaims = false;
            // Audit entries name people by sign-in name, as Entra ID's logs do, not by display name.
            o.TokenValidationParameters.NameClaimType = "preferred_username";
            o.TokenValidationParameters.RoleClaimType = "roles";
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.SignedOutRedirectUri = ConsolePaths.SignedOut;
            o.Events.OnRemoteFailure = ConsoleSignInFailed.WriteAsync;
            o.Events.OnTicketReceived = ConsoleSessionLifetime.StampAsync;
        });
        builder.Services.AddOptions<OpenIdConnectOptions>(SignInScheme)
            .Configure<IOptions<ScannerHostOptions>, IOptions<M365Scanner.Graph.GraphOptions>>((o, scanner, graph) =>
            {
                // The identity provider sends users back to the public name, also behind a proxy that terminates TLS.
                var publicBase = scanner.Value.PublicBaseUrl.TrimEnd('/');
                o.Events.OnRedirectToIdentityProvider = context =>
                {
                    context.ProtocolMessage.RedirectUri = publicBase + o.CallbackPath;
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToIdentityProviderForSignOut = context =>
                {
                    context.ProtocolMessage.PostLogoutRedirectUri = publicBase + o.SignedOutCallbackPath;
                    // RP-initiated logout names the app, so the provider can check the return address is registered.
                    context.ProtocolMessage.ClientId = o.ClientId;
                    return Task.CompletedTask;
                };
                // The emulator's certificate is trusted by pinning, exactly as the Graph client trusts it; without
                // a pinned certificate this is the platform's ordinary trust.
                o.BackchannelHttpHandler = PinnedCertificateTrust.CreateHandler(graph.Value.PinnedCertificatePem);
                o.CorrelationCookie.SecurePolicy = SecurePolicy(scanner.Value);
                o.NonceCookie.SecurePolicy = SecurePolicy(scanner.Value);
            });
        return builder;
    }

    /// <summary>Secure cookies whenever people reach the host over HTTPS. Behind a proxy that terminates TLS the host
    /// itself sees plain HTTP, so "same as request" would send the session cookie without Secure, and a browser would
    /// then also send it over plain HTTP to the same name. Only a host whose public address is plain HTTP (the demo and
    /// tests, on loopback) follows the request.</summary>
    public static CookieSecurePolicy SecurePolicy(ScannerHostOptions scanner)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        return Uri.TryCreate(scanner.PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp
            ? CookieSecurePolicy.SameAsRequest
            : CookieSecurePolicy.Always;
    }

    public static IEndpointRouteBuilder MapScannerConsole(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        if (!options.Enabled)
        {
            app.MapGet(ConsolePaths.Root + "/{**rest}", ConsoleNotConfigured.Page).AllowAnonymous();
            return app;
        }
        app.MapRazorPages();
        app.MapGet(ConsolePaths.Stylesheet, ConsoleStylesheet.Serve).AllowAnonymous();
        return app;
    }
}
