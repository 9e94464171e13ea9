using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace M365Scanner.Graph.Clients;

/// <summary>One <see cref="GraphServiceClient"/> per configured tenant, built once and reused: Azure.Identity
/// credential (secret or certificate) against the configured authority, the SDK's default middleware (retry honouring
/// Retry-After, redirect, compression...) plus <see cref="MailboxConcurrencyHandler"/>, and Kiota's Azure auth provider
/// limited to <see cref="GraphOptions.TrustedHosts"/>.</summary>
public sealed class TenantGraphClients : IDisposable
{
    private const string GraphScope = "https://graph.microsoft.com/.default";

    private readonly GraphOptions _options;
    private readonly ConcurrentDictionary<string, Lazy<TenantClient>> _clients = new(StringComparer.OrdinalIgnoreCase);

    public TenantGraphClients(IOptions<GraphOptions> options) => _options = options.Value;

    /// <summary>The client for <paramref name="tenantId"/>.</summary>
    /// <exception cref="KeyNotFoundException">The tenant is not in <see cref="GraphOptions.Tenants"/>.</exception>
    public GraphServiceClient For(string tenantId) => Get(tenantId).Graph;

    /// <summary>The per-mailbox limiter in <paramref name="tenantId"/>'s pipeline (for diagnostics and tests).</summary>
    public MailboxConcurrencyHandler ConcurrencyOf(string tenantId) => Get(tenantId).Concurrency;

    private TenantClient Get(string tenantId) =>
        _clients.GetOrAdd(tenantId, id => new Lazy<TenantClient>(() => Build(Find(id)))).Value;

    private TenantCredentialOptions Find(string tenantId) =>
        _options.Tenants.FirstOrDefault(t => string.Equals(t.TenantId, tenantId, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"Tenant {tenantId} is not configured under Graph:Tenants.");

    private TenantClient Build(TenantCredentialOptions tenant)
    {
        var credential = CreateCredential(tenant);
        var concurrency = new MailboxConcurrencyHandler(_options.MaxConcurrentRequestsPerMailbox);
        var handlers = GraphClientFactory.CreateDefaultHandlers().ToList();
        var retry = handlers.FindIndex(h => h is RetryHandler);
        var ourRetry = new RetryHandler(new RetryHandlerOption { MaxRetry = _options.MaxRetries });
        if (retry >= 0) handlers[retry] = ourRetry;
        else handlers.Insert(0, ourRetry);
        // Innermost, so each attempt holds a slot only while it is on the wire, not while waiting out Retry-After.
        handlers.Add(concurrency);
        var baseUrl = new Uri(_options.BaseUrl.TrimEnd('/'));
        var http = GraphClientFactory.Create(handlers, finalHandler: PinnedCertificateTrust.CreateHandler(_options.PinnedCertificatePem));
        http.BaseAddress = baseUrl;
        // Large MIME and attachment payloads on a slow mailbox take longer than HttpClient's 100 s default.
        http.Timeout = TimeSpan.FromMinutes(5);
        var auth = new AzureIdentityAuthenticationProvider(credential, allowedHosts: [.. _options.TrustedHosts], scopes: [GraphScope]);
        return new TenantClient(new GraphServiceClient(http, auth, baseUrl.ToString().TrimEnd('/')), concurrency, http);
    }

    private TokenCredential CreateCredential(TenantCredentialOptions tenant)
    {
        var authority = new Uri(_options.AuthorityHost);
        var transport = new HttpClientTransport(PinnedCertificateTrust.CreateHandler(_options.PinnedCertificatePem));
        // Instance discovery asks login.microsoftonline.com about the authority; the emulator (or a sovereign cloud
        // given explicitly) needs none of that.
        var disableDiscovery = !authority.Host.Equals("login.microsoftonline.com", StringComparison.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(tenant.ClientSecret))
            return new ClientSecretCredential(tenant.TenantId, tenant.ClientId, tenant.ClientSecret, new ClientSecretCredentialOptions
            {
                AuthorityHost = authority, DisableInstanceDiscovery = disableDiscovery, Transport = transport,
            });
        var certificate = LoadCertificate(tenant.CertificatePath!, tenant.CertificatePassword);
        return new ClientCertificateCredential(tenant.TenantId, tenant.ClientId, certificate, new ClientCertificateCredentialOptions
        {
            AuthorityHost = authority, DisableInstanceDiscovery = disableDiscovery, Transport = transport,
        });
    }

    private static X509Certificate2 LoadCertificate(string path, string? password) =>
        path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
            ? (string.IsNullOrEmpty(password) ? X509Certificate2.CreateFromPemFile(path) : X509Certificate2.CreateFromEncryptedPemFile(path, password))
            : X509CertificateLoader.LoadPkcs12FromFile(path, password);

    public void Dispose()
    {
        foreach (var lazy in _clients.Values.Where(l => l.IsValueCreated))
            lazy.Value.Http.Dispose();
        _clients.Clear();
    }

    private sealed record TenantClient(GraphServiceClient Graph, MailboxConcurrencyHandler Concurrency, HttpClient Http);
}
