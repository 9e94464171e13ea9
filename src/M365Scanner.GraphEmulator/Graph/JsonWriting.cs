using System.Globalization;
using System.Text.Json;
using M365Scanner.GraphEmulator.Mail;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>Small writers for values that Graph formats its own way.</summary>
internal static class JsonWriting
{
    /// <summary>Graph writes Outlook timestamps as UTC with seconds and a Z: 2001-05-14T16:39:00Z.</summary>
    public static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static void WriteRecipient(this Utf8JsonWriter w, string name, Recipient? r)
    {
        w.WritePropertyName(name);
        if (r is null) { w.WriteNullValue(); return; }
        WriteRecipientValue(w, r);
    }

    public static void WriteRecipients(this Utf8JsonWriter w, string name, IEnumerable<Recipient> list)
    {
        w.WriteStartArray(name);
        foreach (var r in list) WriteRecipientValue(w, r);
        w.WriteEndArray();
    }

    private static void WriteRecipientValue(Utf8JsonWriter w, Recipient r)
    {
        w.WriteStartObject();
        w.WriteStartObject("emailAddress");
        w.WriteString("name", r.Name ?? r.Address);
        w.WriteString("address", r.Address);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
