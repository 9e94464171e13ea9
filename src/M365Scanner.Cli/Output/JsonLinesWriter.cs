using System.Text.Encodings.Web;
using System.Text.Json;

namespace M365Scanner.Cli.Output;

/// <summary>Writes one compact JSON object per line (camelCase, URLs unescaped so they stay readable).</summary>
public sealed class JsonLinesWriter(TextWriter output) : IScanWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // The output is a data stream for programs, never embedded in HTML, so HTML-safe escaping of & < > ' only
        // makes URLs harder to read and to grep.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Write(ScanRecord record)
    {
        output.WriteLine(JsonSerializer.Serialize(record, Options));
        output.Flush();
    }

    public void Complete() { }
}
