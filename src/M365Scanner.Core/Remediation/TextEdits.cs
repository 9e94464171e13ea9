using System.Text;

namespace M365Scanner.Core.Remediation;

/// <summary>
/// Replacements of character ranges in one original string, applied in a single pass so that every character
/// outside the ranges is kept exactly (the copy must differ from the original only where a URL was).
/// </summary>
internal sealed class TextEdits
{
    private readonly List<(int Start, int Length, string Replacement)> _edits = [];

    public int Count => _edits.Count;

    public void Add(int start, int length, string replacement) => _edits.Add((start, length, replacement));

    /// <summary>True when [start, start + length) overlaps a range already added.</summary>
    public bool Overlaps(int start, int length)
    {
        foreach (var edit in _edits)
            if (start < edit.Start + edit.Length && edit.Start < start + length)
                return true;
        return false;
    }

    /// <summary>The original with every edit applied, or null when there is none. Overlapping edits cannot occur
    /// through <see cref="Overlaps"/>-checked adds; should one slip in, the later one is dropped rather than
    /// corrupting the text.</summary>
    public string? Apply(string original)
    {
        if (_edits.Count == 0)
            return null;
        var result = new StringBuilder(original.Length + 64 * _edits.Count);
        var at = 0;
        foreach (var (start, length, replacement) in _edits.OrderBy(e => e.Start))
        {
            if (start < at)
                continue;
            result.Append(original, at, start - at).Append(replacement);
            at = start + length;
        }
        result.Append(original, at, original.Length - at);
        return result.ToString();
    }
}
