using M365Scanner.Host.AnalystConsole;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Tests.AnalystConsole;

/// <summary>Behind a proxy that terminates TLS the host sees plain HTTP: the console's cookies (session, the sign-in's
/// correlation and nonce, antiforgery) are marked Secure by the public address, not by the request, so a browser never
/// sends them over plain HTTP. Only a plain-HTTP public address (the demo, tests) lets them follow the request.</summary>
public sealed class ConsoleCookieSecurityTests
{
    [Theory]
    [InlineData("https://scanner.contoso.example", CookieSecurePolicy.Always)]
    [InlineData("http://127.0.0.1:5080", CookieSecurePolicy.SameAsRequest)]
    public void EveryConsoleCookie_IsSecure_WhenThePublicAddressIsHttps(string publicBaseUrl, CookieSecurePolicy expected)
    {
        using var host = Build(publicBaseUrl);
        var services = host.Services;

        var session = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(ScannerConsoleExtensions.CookieScheme);
        var signIn = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(ScannerConsoleExtensions.SignInScheme);
        var antiforgery = services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;

        Assert.Equal([expected, expected, expected, expected],
            [session.Cookie.SecurePolicy, signIn.CorrelationCookie.SecurePolicy, signIn.NonceCookie.SecurePolicy, antiforgery.Cookie.SecurePolicy]);
    }

    private static Microsoft.AspNetCore.Builder.WebApplication Build(string publicBaseUrl)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scanner:PublicBaseUrl"] = publicBaseUrl,
            ["Storage:Provider"] = "InMemory",
            ["Scanner:DataDirectory"] = TestDataDirectory.New(),
            ["Console:Authority"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0",
            ["Console:ClientId"] = "console-app",
            ["Console:ClientSecret"] = "not-a-real-secret",
        };
        return ScannerApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
    }
}
