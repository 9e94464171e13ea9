namespace M365Scanner.Core.Scoring.Lookalike;

/// <summary>How a domain imitates another; ordered from the weakest to the strongest evidence.</summary>
public enum LookalikeKind
{
    /// <summary>The same name under another public suffix ("contoso.co" for "contoso.com"). Weak: organisations
    /// often own several.</summary>
    OtherSuffix,
    /// <summary>One or two typing edits away ("contosso.com", "cotnoso.com").</summary>
    Typo,
    /// <summary>Reads the same once confusable characters are folded ("c0ntoso.com", "rnicrosoft.com", Cyrillic
    /// "соntoso.com").</summary>
    Confusable,
}
