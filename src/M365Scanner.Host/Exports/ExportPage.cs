using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using M365Scanner.Core.Operations;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Exports;

/// <summary>One page of an export, written as it is read: the page's end is fixed first (it is the
/// <c>X-Next-Cursor</c> header, which must go out before the body), then its rows are read from the feed in chunks and
/// each chunk is written and flushed, so a page of 10,000 verdicts never sits in memory whole.</summary>
/// <remarks>A row written again while the page streams moves past the page's end and is simply not in this page: the
/// next one reads it at its new state (see <see cref="IChangeFeed{T}.PageEnd"/>). Each line also carries the cursor
/// just after it, so a client that lost the header (or stopped mid-page) resumes from its last line.</remarks>
public sealed class ExportPage<T>(IChangeFeed<T> feed, IExportShape<T> shape, long after, int limit, string? tenantId, ExportFormat format)
    : IResult
{
    /// <summary>The name of the header carrying the cursor to send next.</summary>
    public const string NextCursorHeader = "X-Next-Cursor";

    // Rows read from the store per query and written per flush.
    private const int Chunk = 500;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var ct = httpContext.RequestAborted;
        var end = feed.PageEnd(after, limit, tenantId) ?? after;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ExportFormats.ContentType(format);
        response.Headers[NextCursorHeader] = ExportCursor.Encode(end);
        response.Headers.CacheControl = "no-store";
        var json = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        await using var writer = new StreamWriter(response.Body, Utf8, bufferSize: 64 * 1024);
        if (format == ExportFormat.Csv)
            await writer.WriteAsync(CsvCell.Line(shape.Header));
        var position = after;
        while (position < end)
        {
            var rows = feed.Read(position, end, Math.Min(Chunk, limit), tenantId);
            foreach (var row in rows)
                await writer.WriteAsync(format == ExportFormat.Csv ? CsvLine(row) : JsonLine(row, json));
            await writer.FlushAsync(ct);
            if (rows.Count < Math.Min(Chunk, limit))
                break;
            position = rows[^1].Sequence;
        }
    }

    private string CsvLine(Change<T> row) =>
        CsvCell.Line([CsvCell.Of(ExportCursor.Encode(row.Sequence)), CsvCell.Of(row.Sequence), .. shape.Fields(row.Value)]);

    private static string JsonLine(Change<T> row, JsonSerializerOptions json)
    {
        var line = JsonSerializer.SerializeToNode(row.Value, json)!.AsObject();
        line["changeSeq"] = row.Sequence;
        line["cursor"] = ExportCursor.Encode(row.Sequence);
        return line.ToJsonString(json) + "\n";
    }
}
