namespace M365Scanner.Core.Reference;

/// <summary>How the text of a reference list is laid out.</summary>
public enum ReferenceListFormat
{
    /// <summary>One entry per line (a host pattern, a TLD, a word, an extension); blank lines and lines starting
    /// with '#' are skipped.</summary>
    Lines,
    /// <summary>"rank,domain" per line, as Tranco publishes it.</summary>
    Ranks,
    /// <summary>The publicsuffix.org format: one rule per line, "//" comments.</summary>
    PublicSuffixes,
}
