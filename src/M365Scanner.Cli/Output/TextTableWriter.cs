namespace M365Scanner.Cli.Output;

/// <summary>A table for people: one line per message, then its links indented beneath it, worst first.</summary>
public sealed class TextTableWriter(TextWriter output) : IScanWriter
{
    private int _messages, _errors, _flagged;

    public void Write(ScanRecord record)
    {
        _messages++;
        if (record.Error is not null)
        {
            _errors++;
            output.WriteLine($"ERROR      {record.File}: {record.Error}");
            return;
        }
        if (record.Action != "allow")
            _flagged++;
        output.WriteLine($"{record.Action,-10} {record.Score,4:0.00}  {record.File}  \"{Shorten(record.Subject, 60)}\"");
        foreach (var link in (record.Links ?? []).OrderByDescending(l => l.Score))
        {
            var text = link.Text is null ? "" : $"  text=\"{Shorten(link.Text, 40)}\"";
            output.WriteLine($"    {link.Action,-8} {link.Score,4:0.00}  {link.Domain ?? "-",-30} {link.Origin,-28} {Shorten(link.Url, 100)}{text}");
            foreach (var reason in link.Reasons)
                output.WriteLine($"        - {reason}");
        }
        foreach (var note in record.Notes ?? [])
            output.WriteLine($"    note: {note}");
    }

    public void Complete() =>
        output.WriteLine($"{_messages} message(s): {_flagged} flagged, {_errors} could not be read");

    private static string Shorten(string? s, int max) =>
        s is null ? "" : s.Length <= max ? s : string.Concat(s.AsSpan(0, max - 1), "…");
}
