namespace M365Scanner.Core.Scoring.Lookalike;

/// <summary>A domain that imitates <paramref name="Imitated"/>.</summary>
/// <param name="Distance">Typing edits between the two names after folding confusables (0 for confusables and
/// other-suffix matches).</param>
public sealed record LookalikeMatch(string Domain, string Imitated, LookalikeKind Kind, int Distance);
