namespace M365Scanner.Core.Reference;

/// <summary>A list the product knows by name: where its shipped copy lives under <c>reference/</c>, its format,
/// and how few entries make a copy implausible.</summary>
/// <param name="Source">The folder of its source under <c>reference/</c> ("sublime-static-files").</param>
/// <param name="File">Its file name there ("url_shorteners.txt").</param>
/// <param name="MinimumEntries">A copy with fewer entries is taken for a broken download, not for news.</param>
public sealed record ReferenceListSpec(string Source, string File, ReferenceListFormat Format, int MinimumEntries)
{
    /// <summary>The list's name: its path under <c>reference/</c> ("sublime-static-files/url_shorteners.txt").</summary>
    public string Name => Source + "/" + File;
}
