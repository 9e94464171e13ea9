using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using M365Scanner.Core.Reference;

namespace M365Scanner.Storage.Reference;

/// <summary>
/// Fetches each configured list, checks the copy and, when any list changed, publishes a new
/// <see cref="ReferenceData"/> snapshot in one swap. A source that fails, or whose copy parses to fewer entries than
/// the list's floor or than <see cref="ReferenceDataOptions.MinimumShareOfPrevious"/> of the last good copy, leaves
/// that copy in use and says why in the log.
/// </summary>
/// <remarks>One refresh at a time (callers are the worker's timer and the CLI); thread-safe for that use.</remarks>
public sealed class ReferenceRefresher
{
    /// <summary>The named HttpClient the refresher uses (configured in <c>AddScannerReferenceData</c>).</summary>
    public const string HttpClientName = "reference-data";

    private readonly ReferenceDataOptions _options;
    private readonly IHttpClientFactory _http;
    private readonly ILogger<ReferenceRefresher> _logger;
    private readonly TimeProvider _time;
    private readonly Action<ReferenceData> _publish;
    private readonly Dictionary<string, string> _etags = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public ReferenceRefresher(IOptions<ReferenceDataOptions> options, IHttpClientFactory http, ILogger<ReferenceRefresher> logger,
        TimeProvider time, ReferenceData? initial = null, Action<ReferenceData>? publish = null)
    {
        _options = options.Value;
        _http = http;
        _logger = logger;
        _time = time;
        Current = initial ?? ReferenceData.Current;
        _publish = publish ?? ReferenceData.Use;
    }

    /// <summary>The snapshot this refresher last published (or started from).</summary>
    public ReferenceData Current { get; private set; }

    /// <summary>Refreshes every configured source once.</summary>
    public async Task<IReadOnlyList<ReferenceRefreshOutcome>> RefreshAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var outcomes = new List<ReferenceRefreshOutcome>();
            var next = Current;
            foreach (var (name, location) in _options.Sources.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                if (ReferenceLists.Find(name) is not { } spec || ReferenceSourceLocation.Parse(location) is not { } source)
                    continue; // refused by the options' validation at start
                var (outcome, copy) = await RefreshOneAsync(spec, source, next[spec], cancellationToken);
                outcomes.Add(outcome);
                if (copy is not null)
                    next = next.With(copy);
                if (outcome.Result == ReferenceRefreshResult.Kept)
                    _logger.LogWarning("Reference list {List} not refreshed from {Source}: {Reason}; the last good copy ({Entries} entries, from {LoadedFrom}) stays in use",
                        name, source.Display, outcome.Reason, next[spec].Entries.Count, next[spec].LoadedFrom);
                else if (outcome.Result == ReferenceRefreshResult.Updated)
                    _logger.LogInformation("Reference list {List} refreshed from {Source}: {Entries} entries", name, source.Display, next[spec].Entries.Count);
            }
            if (!ReferenceEquals(next, Current))
            {
                Current = next;
                _publish(next);
            }
            return outcomes;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<(ReferenceRefreshOutcome, ReferenceList?)> RefreshOneAsync(
        ReferenceListSpec spec, ReferenceSourceLocation source, ReferenceList lastGood, CancellationToken cancellationToken)
    {
        byte[] bytes;
        string? etag = null;
        try
        {
            var fetched = source.Url is { } url ? await FetchAsync(spec, url, cancellationToken) : await ReadFileAsync(source.FilePath!, cancellationToken);
            if (fetched is null)
                return (new ReferenceRefreshOutcome(spec.Name, ReferenceRefreshResult.Unchanged), null);
            (bytes, etag) = fetched.Value;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or SourceTooLargeException
                                      or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (Kept(spec, $"the source could not be read ({Describe(e)})"), null);
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (sha == lastGood.Provenance.Sha256)
        {
            Remember(spec, etag);
            return (new ReferenceRefreshOutcome(spec.Name, ReferenceRefreshResult.Unchanged), null);
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (Kept(spec, "the copy is not UTF-8 text"), null);
        }
        var (entries, malformed) = ReferenceListParser.Parse(spec.Format, text);
        var floor = Math.Max(spec.MinimumEntries, (int)Math.Ceiling(lastGood.Entries.Count * _options.MinimumShareOfPrevious));
        if (entries.Count == 0 || entries.Count < floor)
            return (Kept(spec, $"the copy has {entries.Count} entries ({malformed} malformed lines), fewer than the {floor} expected"), null);

        Remember(spec, etag);
        var provenance = new ListProvenance(source.Display, "", _time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            lastGood.Provenance.Licence, sha);
        return (new ReferenceRefreshOutcome(spec.Name, ReferenceRefreshResult.Updated),
            new ReferenceList(spec, entries, provenance, source.Display, malformed));
    }

    // Null when the server says the copy we have is current (304).
    private async Task<(byte[], string?)?> FetchAsync(ReferenceListSpec spec, Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (_etags.TryGetValue(spec.Name, out var etag))
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var response = await _http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified)
            return null;
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}", null, response.StatusCode);
        if (response.Content.Headers.ContentLength > _options.MaxBytes)
            throw new SourceTooLargeException(_options.MaxBytes);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return (await ReadCappedAsync(body, cancellationToken), response.Headers.ETag?.ToString());
    }

    private async Task<(byte[], string?)?> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return (await ReadCappedAsync(file, cancellationToken), null);
    }

    private async Task<byte[]> ReadCappedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > _options.MaxBytes)
                throw new SourceTooLargeException(_options.MaxBytes);
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    private void Remember(ReferenceListSpec spec, string? etag)
    {
        if (etag is not null)
            _etags[spec.Name] = etag;
    }

    private static ReferenceRefreshOutcome Kept(ReferenceListSpec spec, string reason) => new(spec.Name, ReferenceRefreshResult.Kept, reason);

    // Exception messages of file and HTTP errors name the path or status, not credentials; keep them short anyway.
    private static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "file not found",
        UnauthorizedAccessException => "access denied",
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status}",
        HttpRequestException => "the request failed: " + e.GetType().Name,
        TaskCanceledException => "timed out",
        _ => e.Message,
    };

    private sealed class SourceTooLargeException(int max) : Exception($"larger than {max} bytes");
}
