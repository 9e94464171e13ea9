namespace M365Scanner.Core.Scoring;

/// <summary>
/// One named grade (or factor) of a signal's strength: the fraction of its weight it fires at in a named case
/// ("cloud-storage" 0.6: a page from cloud storage). Declared on the signal, used by its evaluation and printed by
/// the <c>signals</c> verb, so the number an analyst reads is the number the code multiplies by.
/// </summary>
/// <param name="Name">Stable kebab-case name within the signal.</param>
/// <param name="Value">The strength (0..1], or a factor of it when <paramref name="When"/> says so.</param>
/// <param name="When">The case in plain words.</param>
public sealed record SignalStrength(string Name, double Value, string When);
