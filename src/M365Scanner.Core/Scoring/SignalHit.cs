namespace M365Scanner.Core.Scoring;

/// <summary>A signal that fired: its id, its contribution to the log-odds, and the sentence a verdict prints.</summary>
/// <param name="Weight">Contribution to the log-odds of "malicious"; negative for signals of trust.</param>
public sealed record SignalHit(string Id, string Name, double Weight, string Explanation);
