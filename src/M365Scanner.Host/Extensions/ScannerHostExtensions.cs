using M365Scanner.Host.BlockedLinks;
using M365Scanner.Host.Security;
using Microsoft.AspNetCore.Authentication;

namespace M365Scanner.Host.Extensions;

public static class ScannerHostExtensions
{
    /// <summary>The host's own settings ("Scanner", validated at start), the API-key authentication with its Viewer
    /// and Admin policies, and the blocked-link tokens.</summary>
    public static IHostApplicationBuilder AddScannerHost(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScannerHostOptions>().BindConfiguration(ScannerHostOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.Viewer, p => p.RequireRole("Viewer", "Admin"))
            .AddPolicy(AuthorizationPolicies.Admin, p => p.RequireRole("Admin"));
        builder.Services.AddSingleton<BlockedLinkTokens>();
        return builder;
    }
}
