using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace M365Scanner.Graph.Clients;

/// <summary>One <see cref="GraphServiceClient"/> per configured tenant, built once and reused: Azure.Identity
/// credential (secret or certificate) against the configured authority, the SDK's default middleware (retry honouring
/// Retry-After, redirect, compression...) plus <see cref="MailboxConcurrencyHandler"/> and
/// <see cref="GraphMetricsHandler"/>, and Kiota's Azure auth provider
/// limited to <see cref="GraphOptions.TrustedHosts"/>.</summary>
public sealed class TenantGraphClients : IDisposable
{
    private const string GraphScope = "https://graph.microsoft.com/.default";

    private readonly GraphOptions _options;
    private readonly ITenantCredentialSource? _fallback;
    private readonly GraphMetrics _metrics;
    private readonly ConcurrentDictionary<string, Lazy<TenantClient>> _clients = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="fallback">Asked for tenants not under <see cref="GraphOptions.Tenants"/> (those onboarded at run
    /// time); configured tenants always win.</param>
    /// <param name="metrics">Where requests and 429s are counted (a meter of its own when not given).</param>
    public TenantGraphClients(IOptions<GraphOptions> options, ITenantCredentialSource? fallback = null, GraphMetrics? metrics = null)
    {
        _options = options.Value;
        _fallback = fallback;
        _metrics = metrics ?? new GraphMetrics();
    }

    /// <summary>The client for <paramref name="tenantId"/>.</summary>
    /// <exception cref="KeyNotFoundException">The tenant is neither in <see cref="GraphOptions.Tenants"/> nor served by
    /// the fallback credential source.</exception>
    public GraphServiceClient For(string tenantId) => Get(tenantId).Graph;

    /// <summary>The adapter for <paramref name="tenantId"/>'s upload-session ranges: the same HTTP pipeline (TLS trust,
    /// retries, mailbox limit), but no bearer token, since an upload URL is pre-authenticated and Exchange refuses a Graph
    /// token on it.</summary>
    public IRequestAdapter UploadsFor(string tenantId) => Get(tenantId).Uploads;

    /// <summary>The per-mailbox limiter in <paramref name="tenantId"/>'s pipeline (for diagnostics and tests).</summary>
    public MailboxConcurrencyHandler ConcurrencyOf(string tenantId) => Get(tenantId).Concurrency;

    private TenantClient Get(string tenantId)
    {
        var client = _clients.GetOrAdd(tenantId, id => new Lazy<TenantClient>(() => Build(Find(id))));
        try
        {
            return client.Value;
        }
        catch
        {
            // A Lazy keeps its exception: left in place, a stray job for an offboarded tenant would make the tenant
            // unusable after it is re-admitted, until the process restarts.
            _clients.TryRemove(KeyValuePair.Create(tenantId, client));
            throw;
        }
    }

    private TenantCredentialOptions Find(string tenantId) =>
        _options.Tenants.FirstOrDefault(t => string.Equals(t.TenantId, tenantId, StringComparison.OrdinalIgnoreCase))
        ?? _fallback?.Find(tenantId)
        ?? throw new KeyNotFoundException($"Tenant {tenantId} is not configured under Graph:Tenants and has not been onboarded.");

    /// <summary>Drops the tenant's client (after offboarding), so the next use asks for its credential again and a
    /// tenant no longer served fails instead of reusing a cached token.</summary>
    public void Forget(string tenantId)
    {
        if (_clients.TryRemove(tenantId, out var lazy) && lazy.IsValueCreated)
            lazy.Value.Http.Dispose();
    }

    private TenantClient Build(TenantCredentialOptions tenant)
    {
        var credential = TenantCredentials.Create(_options, tenant);
        var concurrency = new MailboxConcurrencyHandler(_options.MaxConcurrentRequestsPerMailbox);
        var handlers = GraphClientFactory.CreateDefaultHandlers().ToList();
        var retry = handlers.FindIndex(h => h is RetryHandler);
        var ourRetry = new RetryHandler(new RetryHandlerOption { MaxRetry = _options.MaxRetries });
        if (retry >= 0) handlers[retry] = ourRetry;
        else handlers.Insert(0, ourRetry);
        // Innermost, so each attempt holds a slot only while it is on the wire, not while waiting out Retry-After.
        handlers.Add(concurrency);
        handlers.Add(new GraphMetricsHandler(_metrics));
        var baseUrl = new Uri(_options.BaseUrl.TrimEnd('/'));
        var http = GraphClientFactory.Create(handlers, finalHandler: PinnedCertificateTrust.CreateHandler(_options.PinnedCertificatePem));
        http.BaseAddress = baseUrl;
        // Large MIME and attachment payloads on a slow mailbox take longer than HttpClient's 100 s default.
        http.Timeout = TimeSpan.FromMinutes(5);
        var auth = new AzureIdentityAuthenticationProvider(credential, allowedHosts: [.. _options.TrustedHosts], scopes: [GraphScope]);
        var uploads = new BaseGraphRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http);
        return new TenantClient(new GraphServiceClient(http, auth, baseUrl.ToString().TrimEnd('/')), concurrency, http, uploads);
    }

    public void Dispose()
    {
        foreach (var lazy in _clients.Values.Where(l => l.IsValueCreated))
            lazy.Value.Http.Dispose();
        _clients.Clear();
    }

    private sealed record TenantClient(GraphServiceClient Graph, MailboxConcurrencyHandler Concurrency, HttpClient Http, IRequestAdapter Uploads);
}
