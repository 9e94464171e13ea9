using M365Scanner.Host.BlockedLinks;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Security;
using M365Scanner.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host;

public static class ScannerHostExtensions
{
    /// <summary>The host's own settings ("Scanner", validated at start), the API-key authentication with its Viewer
    /// and Admin policies, the blocked-link tokens and the host names served.</summary>
    public static IHostApplicationBuilder AddScannerHost(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScannerHostOptions>().BindConfiguration(ScannerHostOptions.Section)
            .ValidateDataAnnotations()
            // Hosts that share a database share their blocked links too: a link rewritten by one host is opened on
            // whichever host the load balancer picks, so a per-process random key would fail there.
            .Validate<IOptions<StorageOptions>>(
                (scanner, storage) => storage.Value.Provider != StorageProvider.Postgres || !string.IsNullOrWhiteSpace(scanner.BlockedLinkSigningKey),
                "Scanner:BlockedLinkSigningKey is required with Storage:Provider=Postgres: every host must sign and check blocked links with the same key.")
            .Validate(scanner => scanner.AllowedHosts.All(name => Uri.CheckHostName(name.Trim()) != UriHostNameType.Unknown),
                "Scanner:AllowedHosts takes host names or IP addresses only: no scheme, port, path or wildcard.")
            // Keyless demo access is safe only while no other name can reach the host (DNS rebinding).
            .Validate(scanner => !scanner.DemoMode || (scanner.AllowedHosts.Count == 0 &&
                                                      Uri.TryCreate(scanner.PublicBaseUrl, UriKind.Absolute, out var url) && AllowedHostNames.IsLoopback(url)),
                $"Scanner:DemoMode serves loopback host names only ({string.Join(", ", AllowedHostNames.Loopback)}): Scanner:PublicBaseUrl must use one and Scanner:AllowedHosts must be empty.")
            .Validate(scanner => scanner.ReportingMailboxes.Values.All(ReportingMailboxes.IsAddress),
                "Scanner:ReportingMailboxes: each value must be one mailbox address (name@domain)")
            .ValidateOnStart();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.Viewer, p => p.RequireRole("Viewer", "Admin"))
            .AddPolicy(AuthorizationPolicies.Admin, p => p.RequireRole("Admin"));
        builder.Services.AddSingleton<BlockedLinkTokens>();
        builder.Services.AddSingleton(services => new AllowedHostNames(services.GetRequiredService<IOptions<ScannerHostOptions>>().Value));
        return builder;
    }

    /// <summary>The request guards, first in the pipeline so a refused request reaches nothing: the Host must be a
    /// name we serve (<see cref="HostNameFilter"/>), and no other site may change state (<see cref="CrossSiteRequestFilter"/>).</summary>
    public static IApplicationBuilder UseScannerRequestGuards(this IApplicationBuilder app) =>
        app.UseMiddleware<HostNameFilter>().UseMiddleware<CrossSiteRequestFilter>();
}
