using System.Globalization;

namespace M365Scanner.Host.Exports;

/// <summary>One CSV field as RFC 4180 writes it, made safe to open in a spreadsheet.</summary>
/// <remarks>Subjects, senders and reasons come from whoever sent the mail. A field starting with = + - @, a tab or a
/// carriage return is one a spreadsheet may run as a formula (OWASP's "CSV injection"), so it gets a leading single
/// quote, which spreadsheets show as text. A number this exporter writes (a score) is never negative, so the quote
/// never lands on one of ours.</remarks>
public static class CsvCell
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static string Of(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (Array.IndexOf(FormulaStarts, value[0]) >= 0)
            value = "'" + value;
        return value.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Of(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Of(long? value) => value is { } v ? Of(v) : "";

    public static string Of(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Of(bool value) => value ? "true" : "false";

    /// <summary>An instant as ISO 8601 in UTC with milliseconds, as the JSON lines carry it.</summary>
    public static string Of(DateTimeOffset? value) =>
        value is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : "";

    /// <summary>A whole record: the fields, comma-separated, with the CRLF RFC 4180 ends lines with.</summary>
    public static string Line(IEnumerable<string> fields) => string.Join(',', fields) + "\r\n";
}
