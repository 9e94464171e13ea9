using System.Net;
using M365Scanner.Graph.Subscriptions;
using Microsoft.Graph.Models.ODataErrors;

namespace M365Scanner.Host.Mailboxes.Graph;

/// <summary><see cref="IMailboxSubscriptions"/> over the Graph adapter's subscription calls.</summary>
public sealed class GraphMailboxSubscriptions(GraphSubscriptions subscriptions) : IMailboxSubscriptions
{
    public async Task<(string Id, DateTimeOffset ExpiresAt)> SubscribeAsync(string tenantId, string mailbox, Uri notificationUrl,
        Uri lifecycleUrl, string clientState, DateTimeOffset expiresAt, CancellationToken ct) =>
        (await subscriptions.CreateAsync(tenantId, mailbox, notificationUrl, lifecycleUrl, clientState, expiresAt, ct), expiresAt);

    public async Task<bool> RenewAsync(string tenantId, string subscriptionId, DateTimeOffset expiresAt, CancellationToken ct)
    {
        try
        {
            await subscriptions.RenewAsync(tenantId, subscriptionId, expiresAt, ct);
            return true;
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task UnsubscribeAsync(string tenantId, string subscriptionId, CancellationToken ct)
    {
        try
        {
            await subscriptions.DeleteAsync(tenantId, subscriptionId, ct);
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            // Already gone: the point of deleting it.
        }
    }
}
