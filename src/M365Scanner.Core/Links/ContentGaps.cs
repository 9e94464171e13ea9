namespace M365Scanner.Core.Links;

/// <summary>
/// Which extraction notes say that part of a message was not read: a budget hit, a parse failure, an encrypted or
/// oversized attachment, nesting or wrapping too deep. What could not be read is a fact against the message (an
/// attacker who can make a link unreadable must not make it harmless), so the policy decides on these; the other
/// notes (a PDF read after repair, a data: URL shortened) describe content that was read.
/// </summary>
public static class ContentGaps
{
    // Note kinds are the text before the first ':'; every extractor's gap note starts with one of these.
    private static readonly string[] GapKinds =
    [
        "attachment too large to scan",
        "attachment not scanned",
        "attached message not opened",
        "html truncated for scanning",
        "links dropped",
        "too many links",
        "mime nesting too deep",
        "link not unwrapped",
        "office document part skipped",
    ];

    /// <summary>The notes of <paramref name="notes"/> that name content not read, in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="notes"/> is null.</exception>
    public static IReadOnlyList<string> Of(IEnumerable<string> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        return [.. notes.Where(IsGap)];
    }

    /// <summary>Whether <paramref name="note"/> names content that was not read.</summary>
    public static bool IsGap(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var colon = note.IndexOf(':');
        var kind = colon < 0 ? note : note[..colon];
        return kind.EndsWith(" could not be read", StringComparison.Ordinal) ||
               kind.EndsWith(" read only in part", StringComparison.Ordinal) ||
               GapKinds.Contains(kind, StringComparer.Ordinal);
    }
}
