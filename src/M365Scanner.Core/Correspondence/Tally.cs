namespace M365Scanner.Core.Correspondence;

/// <summary>How often something was seen, and when first and last: the one measure every edge of the graph keeps.</summary>
public readonly record struct Tally(long Count, DateTimeOffset First, DateTimeOffset Last)
{
    public static Tally Once(DateTimeOffset at) => new(1, at, at);

    public Tally Add(Tally other) => new(
        Count + other.Count,
        other.First < First ? other.First : First,
        other.Last > Last ? other.Last : Last);

    /// <summary>Days between first and last sighting (0 for a single one).</summary>
    public double SpanDays => (Last - First).TotalDays;
}
