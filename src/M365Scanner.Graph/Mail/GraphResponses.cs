using M365Scanner.Graph.Clients;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace M365Scanner.Graph.Mail;

/// <summary>Sends a Graph request whose body the caller reads as a stream under a cap (<see cref="CappedRead"/>),
/// with the SDK's error mapping (a refusal is an <see cref="ODataError"/>, as for the SDK's own requests).</summary>
internal static class GraphResponses
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> Errors = new() { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

    /// <summary>The body (null when empty) and its Content-Length when declared. Dispose the stream: until then the
    /// request holds its mailbox's concurrency slot (<see cref="StreamedResponse"/>).</summary>
    public static async Task<(Stream? Body, long? Length)> SendStreamedAsync(IRequestAdapter adapter, RequestInformation request,
        CancellationToken cancellationToken)
    {
        var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        request.AddRequestOptions([headers, StreamedResponse.Instance]);
        var body = await adapter.SendPrimitiveAsync<Stream>(request, Errors, cancellationToken).ConfigureAwait(false);
        return (body, ContentLength(headers));
    }

    private static long? ContentLength(HeadersInspectionHandlerOption headers)
    {
        foreach (var (name, values) in headers.ResponseHeaders)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length))
                return length;
        }
        return null;
    }
}
