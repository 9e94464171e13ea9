namespace M365Scanner.Evaluation.Attacks;

/// <summary>Where in the author's own text (never in quoted mail, a signature or the list's footer) the planted
/// sentence goes.</summary>
public enum Placement
{
    /// <summary>After the first line (the greeting, in most replies).</summary>
    AfterGreeting,
    /// <summary>After the first paragraph of the author's text; at its end when it has one paragraph.</summary>
    AfterFirstParagraph,
    /// <summary>At the end of the author's text, before the quoted thread and the signature.</summary>
    EndOfOwnText,
}
