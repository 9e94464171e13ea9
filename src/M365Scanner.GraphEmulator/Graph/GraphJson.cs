using System.Text.Encodings.Web;
using System.Text.Json;
using M365Scanner.GraphEmulator.Faults;
using Microsoft.AspNetCore.Http.Metadata;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>A Graph JSON answer written straight to the response with a Utf8JsonWriter (no intermediate DOM:
/// GET message is the emulator's hottest path).</summary>
public sealed class GraphJson(int status, Action<Utf8JsonWriter> write) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public const string ContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    /// <summary>Graph writes apostrophes, angle brackets and non-ASCII text as-is; the default encoder would escape them.</summary>
    internal static readonly JsonWriterOptions Options = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int? StatusCode => status;

    public static GraphJson Ok(Action<Utf8JsonWriter> write) => new(200, write);
    public static GraphJson Created(Action<Utf8JsonWriter> write) => new(201, write);

    public async Task ExecuteAsync(HttpContext context)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, Options))
        {
            write(writer);
            await writer.FlushAsync();
            ResponseSize.Record(context, writer.BytesCommitted);
        }
        await context.Response.BodyWriter.FlushAsync();
    }

    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(200, typeof(object), ["application/json"]));
}
