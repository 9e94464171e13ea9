using System.Net;
using System.Collections.Concurrent;

namespace M365Scanner.Graph.Clients;

/// <summary>Keeps at most N requests in flight per mailbox, as Outlook allows 4 concurrent requests per app and
/// mailbox and answers the fifth with 429. Requests not addressed to a mailbox pass straight through.</summary>
/// <remarks>Sits inside the SDK's retry handler, so a request waiting out Retry-After does not hold a slot.
/// The response body is buffered before the slot is released: the service counts a request until its answer is
/// complete. A request marked <see cref="StreamedResponse"/> gets a successful body unbuffered instead, and the slot is
/// released when that body has been read or disposed (<see cref="SlotReleasingContent"/>); error bodies are always
/// buffered, so a retried or abandoned error response never keeps a slot. The limit is per process; several worker processes share the service's limit between them.
/// A mailbox addressed both by id and by UPN is counted as two; callers use one form.</remarks>
public sealed class MailboxConcurrencyHandler(int maxPerMailbox) : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>Most requests seen in flight at once for any one mailbox since start (for tests and diagnostics).</summary>
    public int PeakInFlight => Volatile.Read(ref _peak);

    private int _peak;

    /// <summary>Requests in flight for <paramref name="mailbox"/> (id or UPN as used in the request path).</summary>
    public int InFlight(string mailbox) => _gates.TryGetValue(mailbox.ToLowerInvariant(), out var g) ? g.InFlight : 0;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var mailbox = MailboxPath.Of(request.RequestUri);
        if (mailbox is null)
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        var gate = _gates.GetOrAdd(mailbox, _ => new Gate(maxPerMailbox));
        await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        var now = Interlocked.Increment(ref gate.InFlight);
        UpdatePeak(now);
        var handedOver = false;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            // Kiota drops a 204 without disposing it, which would keep the slot: only bodies worth streaming are.
            if (response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NoContent && StreamedResponse.IsRequested(request))
            {
                response.Content = new SlotReleasingContent(response.Content, gate.Leave);
                handedOver = true;
                return response;
            }
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        finally
        {
            if (!handedOver) gate.Leave();
        }
    }

    private void UpdatePeak(int value)
    {
        var peak = Volatile.Read(ref _peak);
        while (value > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peak, value, peak);
            if (seen == peak) return;
            peak = seen;
        }
    }

    private sealed class Gate(int max)
    {
        public readonly SemaphoreSlim Semaphore = new(max, max);
        public int InFlight;

        public void Leave()
        {
            Interlocked.Decrement(ref InFlight);
            Semaphore.Release();
        }
    }
}
