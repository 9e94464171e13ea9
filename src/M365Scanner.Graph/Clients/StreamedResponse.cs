using Microsoft.Kiota.Abstractions;

namespace M365Scanner.Graph.Clients;

/// <summary>A request option asking <see cref="MailboxConcurrencyHandler"/> to hand a successful response's body over
/// as a stream instead of buffering it, for bodies the caller reads under a byte cap (attachment bytes). The caller
/// must dispose the stream: the mailbox's concurrency slot is held until the body is read to its end or disposed.</summary>
internal sealed class StreamedResponse : IRequestOption
{
    public static readonly StreamedResponse Instance = new();

    // Kiota puts each request option into HttpRequestMessage.Options under its type's full name.
    private static readonly HttpRequestOptionsKey<IRequestOption> Key = new(typeof(StreamedResponse).FullName!);

    private StreamedResponse() { }

    public static bool IsRequested(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var option) && option is StreamedResponse;
}
