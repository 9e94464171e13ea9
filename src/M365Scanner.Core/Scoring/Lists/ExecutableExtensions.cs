using System.Collections.Frozen;

namespace M365Scanner.Core.Scoring.Lists;

/// <summary>
/// File extensions whose download runs code or hides it, graded: programs and scripts run on a double-click (1.0);
/// disk images and shortcuts slip past Mark-of-the-Web (0.9); archives and macro-enabled documents carry the
/// payload one step further away and are also how ordinary files travel (0.4). An extension on several lists takes
/// its strongest grade; one on the "not scored" list none (a server page such as ISAPI's ".dll?query").
/// </summary>
public sealed class ExecutableExtensions
{
    /// <summary>Grade of programs and scripts.</summary>
    public const double ProgramStrength = 1.0;

    /// <summary>Grade of disk images and shortcuts.</summary>
    public const double DiskImageStrength = 0.9;

    /// <summary>Grade of archives and macro-enabled documents.</summary>
    public const double ContainerStrength = 0.4;

    private readonly FrozenDictionary<string, double> _strength;

    public ExecutableExtensions(IReadOnlyList<string> executables, IReadOnlyList<string> diskImages, IReadOnlyList<string> containers,
        IReadOnlyList<string> notScored)
    {
        _strength = containers.Select(e => (e, ContainerStrength)).Concat(diskImages.Select(e => (e, DiskImageStrength))).Concat(executables.Select(e => (e, ProgramStrength)))
            .Where(p => !notScored.Contains(p.e)).GroupBy(p => p.e).ToFrozenDictionary(g => g.Key, g => g.Max(p => p.Item2), StringComparer.Ordinal);
    }

    /// <summary>How strongly the extension of the last path segment of <paramref name="path"/> suggests a payload
    /// (0 when it does not), and the extension found.</summary>
    public double StrengthOf(string? path, out string extension)
    {
        extension = "";
        if (string.IsNullOrEmpty(path))
            return 0;
        var span = path.AsSpan().TrimEnd('/');
        var slash = span.LastIndexOf('/');
        var segment = span[(slash + 1)..];
        var dot = segment.LastIndexOf('.');
        if (dot <= 0 || dot == segment.Length - 1 || segment.Length - dot > 16)
            return 0;
        extension = segment[(dot + 1)..].ToString().ToLowerInvariant();
        return _strength.TryGetValue(extension, out var s) ? s : 0;
    }
}
