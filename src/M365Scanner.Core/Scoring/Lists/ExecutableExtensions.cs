using System.Collections.Frozen;

namespace M365Scanner.Core.Scoring.Lists;

/// <summary>
/// File extensions whose download runs code or hides it, graded: programs and scripts run on a double-click; disk
/// images and shortcuts slip past Mark-of-the-Web; archives and macro-enabled documents carry the payload one step
/// further away and are also how ordinary files travel.
/// </summary>
/// <remarks>Sources: Microsoft's list of file types blocked in Outlook (support.microsoft.com, "Blocked attachments
/// in Outlook") and the extensions in Sublime Security's file_extensions_executables / archives lists.</remarks>
public static class ExecutableExtensions
{
    /// <summary>Run code directly when opened.</summary>
    public static IReadOnlyList<string> Executables { get; } =
    [
        "exe", "scr", "pif", "bat", "cmd", "msi", "msix", "msixbundle", "msp", "appx", "appxbundle", "jar", "js",
        "jse", "vbs", "vbe", "wsf", "wsh", "hta", "ps1", "psm1", "lnk", "cpl", "reg", "apk", "xll", "xlam",
        "application", "appref-ms", "url", "scf", "inf", "chm", "sys", "gadget", "msc", "py", "sh", "command", "elf",
    ];

    /// <summary>Disk images: mount on a double-click and bypass Mark-of-the-Web on older Windows.</summary>
    public static IReadOnlyList<string> DiskImages { get; } = ["iso", "img", "vhd", "vhdx", "dmg", "pkg"];

    /// <summary>Archives and macro-enabled documents: usual carriers of malware, and of ordinary files.</summary>
    public static IReadOnlyList<string> Containers { get; } =
    [
        "zip", "rar", "7z", "gz", "tgz", "tar", "cab", "ace", "arj", "xz", "bz2", "lzh", "z", "docm", "xlsm",
        "pptm", "dotm", "xlsb",
    ];

    private static readonly FrozenDictionary<string, double> Strength =
        Containers.Select(e => (e, 0.4)).Concat(DiskImages.Select(e => (e, 0.9))).Concat(Executables.Select(e => (e, 1.0)))
            .GroupBy(p => p.e).ToFrozenDictionary(g => g.Key, g => g.Max(p => p.Item2), StringComparer.Ordinal);

    /// <summary>How strongly the extension of the last path segment of <paramref name="path"/> suggests a payload
    /// (0 when it does not), and the extension found.</summary>
    public static double StrengthOf(string? path, out string extension)
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
        return Strength.TryGetValue(extension, out var s) ? s : 0;
    }
}
