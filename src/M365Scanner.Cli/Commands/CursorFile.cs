namespace M365Scanner.Cli.Commands;

/// <summary>The file an <c>export</c> keeps its cursor in between runs: the cursor the host gave last, on one line.</summary>
internal sealed class CursorFile(string path)
{
    /// <summary>The saved cursor, or null when there is none yet (no file, or an empty one): start from the beginning.</summary>
    public string? Read() =>
        File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } cursor ? cursor : null;

    /// <summary>Replaces the saved cursor in one step: written and flushed to disk beside the file, then renamed over
    /// it, so a crash leaves the old cursor or the new one, never a torn one.</summary>
    public void Save(string cursor)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(cursor + "\n"));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
