namespace M365Scanner.Host.Exports;

/// <summary>What an export is written as: JSON lines (the default) or CSV.</summary>
public enum ExportFormat
{
    JsonLines,
    Csv,
}

/// <summary>Reads the format a client asked for.</summary>
public static class ExportFormats
{
    public const string JsonLinesType = "application/x-ndjson";
    public const string CsvType = "text/csv";

    /// <summary><c>format=jsonl</c> or <c>format=csv</c> when given (case-insensitive); otherwise CSV when the Accept
    /// header names <c>text/csv</c>, else JSON lines. False with the reason for any other <c>format</c>.</summary>
    public static bool TryRead(string? format, HttpRequest request, out ExportFormat chosen, out string? error)
    {
        error = null;
        chosen = ExportFormat.JsonLines;
        if (format is not null)
        {
            if (format.Equals("csv", StringComparison.OrdinalIgnoreCase))
                chosen = ExportFormat.Csv;
            else if (!format.Equals("jsonl", StringComparison.OrdinalIgnoreCase))
            {
                error = "format must be jsonl or csv";
                return false;
            }
            return true;
        }
        var accepted = request.GetTypedHeaders().Accept;
        if (accepted.Any(a => a.MediaType.Equals(CsvType, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0))
            chosen = ExportFormat.Csv;
        return true;
    }

    public static string ContentType(ExportFormat format) =>
        format == ExportFormat.Csv ? CsvType + "; charset=utf-8" : JsonLinesType + "; charset=utf-8";
}
