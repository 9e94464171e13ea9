using M365Scanner.Graph.Batching;
using M365Scanner.Graph.Clients;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace M365Scanner.Graph.Subscriptions;

/// <summary>Change-notification subscriptions on mailboxes' Inboxes: create, renew (one or many in $batch), delete.</summary>
public sealed class GraphSubscriptions
{
    private readonly TenantGraphClients _clients;
    private readonly BatchRunner _batches;

    public GraphSubscriptions(TenantGraphClients clients, IOptions<GraphOptions> options, TimeProvider? time = null)
    {
        _clients = clients;
        _batches = new BatchRunner(time ?? TimeProvider.System, options.Value.MaxRetries + 1);
    }

    /// <summary>Subscribes to messages created in the mailbox's Inbox. Graph first validates both URLs (they must
    /// echo validationToken as text/plain), so the webhook must be up. Returns the subscription id.</summary>
    /// <exception cref="Microsoft.Graph.Models.ODataErrors.ODataError">400 when validation fails or the expiry is
    /// more than 10,080 minutes away.</exception>
    public async Task<string> CreateAsync(string tenant, string mailbox, Uri notificationUrl, Uri lifecycleUrl, string clientState,
        DateTimeOffset expiry, CancellationToken cancellationToken = default)
    {
        var created = await _clients.For(tenant).Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "created",
            Resource = $"users/{mailbox}/mailFolders('inbox')/messages",
            NotificationUrl = notificationUrl.ToString(),
            LifecycleNotificationUrl = lifecycleUrl.ToString(),
            ClientState = clientState,
            ExpirationDateTime = expiry,
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return created?.Id ?? throw new InvalidOperationException("Graph returned no subscription id.");
    }

    public Task RenewAsync(string tenant, string subscriptionId, DateTimeOffset expiry, CancellationToken cancellationToken = default) =>
        _clients.For(tenant).Subscriptions[subscriptionId].PatchAsync(new Subscription { ExpirationDateTime = expiry }, cancellationToken: cancellationToken);

    /// <summary>Renews many subscriptions in $batch requests of 20; returns the ids Graph refused (e.g. 404 for one
    /// already removed), which need a new subscription.</summary>
    public async Task<IReadOnlyList<string>> RenewManyAsync(string tenant, IEnumerable<string> subscriptionIds, DateTimeOffset expiry,
        CancellationToken cancellationToken = default)
    {
        var graph = _clients.For(tenant);
        var ids = subscriptionIds.Distinct(StringComparer.Ordinal).ToList();
        var steps = ids.Select((id, i) => new BatchStep(i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            () => graph.Subscriptions[id].ToPatchRequestInformation(new Subscription { ExpirationDateTime = expiry }))).ToList();
        if (steps.Count == 0) return [];
        var results = await _batches.RunAsync(graph, steps, cancellationToken).ConfigureAwait(false);
        var failed = steps.Where(s => !results[s.Id].IsSuccess).Select(s => ids[int.Parse(s.Id, System.Globalization.CultureInfo.InvariantCulture)]).ToList();
        return failed;
    }

    /// <summary>Deletes a subscription; one already gone (404) counts as deleted.</summary>
    public async Task DeleteAsync(string tenant, string subscriptionId, CancellationToken cancellationToken = default)
    {
        try
        {
            await _clients.For(tenant).Subscriptions[subscriptionId].DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError e) when (e.ResponseStatusCode == 404)
        {
        }
    }
}
