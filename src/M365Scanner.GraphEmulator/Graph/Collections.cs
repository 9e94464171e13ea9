using System.Text.Json;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>Writes a Graph collection page: {"@odata.context", "value":[...], "@odata.nextLink"?, "@odata.deltaLink"?}.</summary>
internal static class Collections
{
    public static GraphJson Page<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem, string? context,
        string? nextLink = null, string? deltaLink = null) =>
        GraphJson.Ok(w =>
        {
            w.WriteStartObject();
            if (context is not null) w.WriteString("@odata.context", context);
            w.WriteStartArray("value");
            foreach (var item in items) writeItem(w, item);
            w.WriteEndArray();
            if (nextLink is not null) w.WriteString("@odata.nextLink", nextLink);
            if (deltaLink is not null) w.WriteString("@odata.deltaLink", deltaLink);
            w.WriteEndObject();
        });

    public static string Context(HttpRequest request, string fragment) =>
        $"{request.Scheme}://{request.Host}/{request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]}/$metadata#{fragment}";
}
