using M365Scanner.Core.Operations;

namespace M365Scanner.Host.Scanning;

/// <summary>The words a poison message's mark, verdict note and log line use.</summary>
public static class PoisonReasons
{
    /// <summary>The text a verdict note contains when a document killed the worker process parsing it (written by the
    /// document parser; matched without regard to case). Such a message is marked poison while its verdict is
    /// recorded as usual: it may not kill the host, but it is still a document built to hurt the scanner.</summary>
    public const string ParseWorkerDied = "its parse worker died";

    /// <summary>Whether <paramref name="note"/> is the parser's own note that a document killed its worker: it ends
    /// with "its parse worker died (exit code N)", so an attachment merely named so (the name is quoted earlier in
    /// the note) does not count.</summary>
    public static bool SaysParseWorkerDied(string note) =>
        System.Text.RegularExpressions.Regex.IsMatch(note, @": its parse worker died \(exit code -?[0-9]+\)$",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>What a poison reason says of an attempt that never reported an error: its host process died under it.</summary>
    public const string ProcessStopped = "its process stopped";

    /// <summary>The prefix of a poison verdict's note.</summary>
    public const string NotePrefix = "poison: ";

    // An exception's message can quote hostile input; a reason is one readable line, not a copy of the document.
    private const int MaxErrorLength = 500;

    /// <summary>"the scan failed 3 times: InvalidOperationException: ..." or "... 3 times: its process stopped".</summary>
    public static string Failed(ScanAttempts attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        return $"the scan failed {attempts.Count} time{(attempts.Count == 1 ? "" : "s")}: {attempts.LastError ?? ProcessStopped}";
    }

    /// <summary>An attempt's error as kept for <see cref="Failed"/>: its type and message on one line, cut short.</summary>
    public static string Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = $"{error.GetType().Name}: {error.Message}".ReplaceLineEndings(" ");
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength] + "…";
    }
}
