using M365Scanner.Host.BlockedLinks;
using M365Scanner.Host.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Extensions;

public static class ScannerHostExtensions
{
    /// <summary>The host's own settings ("Scanner", validated at start), the API-key authentication with its Viewer
    /// and Admin policies, and the blocked-link tokens.</summary>
    public static IHostApplicationBuilder AddScannerHost(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScannerHostOptions>().BindConfiguration(ScannerHostOptions.Section)
            .ValidateDataAnnotations()
            // Hosts that share a database share their blocked links too: a link rewritten by one host is opened on
            // whichever host the load balancer picks, so a per-process random key would fail there.
            .Validate<IOptions<StorageOptions>>(
                (scanner, storage) => storage.Value.Provider != StorageProvider.Postgres || !string.IsNullOrWhiteSpace(scanner.BlockedLinkSigningKey),
                "Scanner:BlockedLinkSigningKey is required with Storage:Provider=Postgres: every host must sign and check blocked links with the same key.")
            .ValidateOnStart();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.Viewer, p => p.RequireRole("Viewer", "Admin"))
            .AddPolicy(AuthorizationPolicies.Admin, p => p.RequireRole("Admin"));
        builder.Services.AddSingleton<BlockedLinkTokens>();
        return builder;
    }
}
