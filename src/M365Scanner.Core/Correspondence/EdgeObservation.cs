namespace M365Scanner.Core.Correspondence;

/// <summary>One sighting to add to an edge: count += 1, first/last widened to <paramref name="At"/>.</summary>
public readonly record struct EdgeObservation(EdgeKey Key, DateTimeOffset At);
