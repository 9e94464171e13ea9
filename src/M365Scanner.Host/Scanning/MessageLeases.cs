using M365Scanner.Core.Operations;

namespace M365Scanner.Host.Scanning;

/// <summary>
/// One run at a time acts on a message (<see cref="IMessageLeases"/>): a run takes the message's lease before it reads
/// the audit entry it will advance, and keeps it, renewed, until the action is done. A second run of the same job
/// waits, then finds the entry advanced (the copy recorded, the action completed) instead of making a copy of its own.
/// </summary>
/// <remarks>The lease lapses <see cref="Lifetime"/> after its last renewal, so a run whose host died holds the message
/// up to that long; a waiting run gives up after <see cref="Wait"/>, longer than that, with
/// <see cref="MessageBusyException"/>, a transient failure the job retries later.</remarks>
public sealed class MessageLeases(IMessageLeases store, IActionFaults faults, TimeProvider clock, ILogger<MessageLeases> log)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Wait = Lifetime + TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>Takes the lease on <paramref name="key"/>, waiting while another run holds it; dispose to give it back.</summary>
    /// <exception cref="MessageBusyException">Another run held the message for the whole <see cref="Wait"/>.</exception>
    public async Task<IAsyncDisposable> AcquireAsync(MessageKey key, CancellationToken ct)
    {
        var holder = Guid.NewGuid().ToString("N");
        var deadline = clock.GetUtcNow() + Wait;
        var waited = false;
        while (!store.TryAcquire(key, holder, clock.GetUtcNow(), clock.GetUtcNow() + Lifetime))
        {
            if (!waited)
            {
                faults.At("lease-busy");
                log.LogInformation("Another run is acting on {Message} in {Mailbox}; waiting for it", key.MessageId, key.Mailbox);
                waited = true;
            }
            if (clock.GetUtcNow() > deadline)
                throw new MessageBusyException(key, Wait);
            await Task.Delay(Poll, clock, ct);
        }
        return new Held(store, key, holder, clock, log);
    }

    private sealed class Held : IAsyncDisposable
    {
        private readonly IMessageLeases _store;
        private readonly MessageKey _key;
        private readonly string _holder;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewals;

        public Held(IMessageLeases store, MessageKey key, string holder, TimeProvider clock, ILogger log)
        {
            (_store, _key, _holder) = (store, key, holder);
            _renewals = RenewAsync(clock, log);
        }

        // Renewed at a third of its lifetime, so a slow action (Graph throttling it for a while) keeps its message.
        private async Task RenewAsync(TimeProvider clock, ILogger log)
        {
            using var timer = new PeriodicTimer(Lifetime / 3, clock);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                    if (!_store.TryAcquire(_key, _holder, clock.GetUtcNow(), clock.GetUtcNow() + Lifetime))
                        log.LogWarning("The lease on {Message} in {Mailbox} lapsed while its action ran; another run may act on it too",
                            _key.MessageId, _key.Mailbox);
            }
            catch (OperationCanceledException)
            {
                // Released.
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Could not renew the lease on {Message} in {Mailbox}", _key.MessageId, _key.Mailbox);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewals;
            _stop.Dispose();
            _store.Release(_key, _holder);
        }
    }
}
