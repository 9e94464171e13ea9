namespace M365Scanner.Core.Operations;

/// <summary>A row of a change feed: its current state and the sequence of its latest change.</summary>
/// <param name="Sequence">Taken from one counter per feed on every write of the row; a later write gets a larger
/// one, and a reader that has seen a sequence has seen every smaller one that will ever be visible.</param>
public readonly record struct Change<T>(long Sequence, T Value);
