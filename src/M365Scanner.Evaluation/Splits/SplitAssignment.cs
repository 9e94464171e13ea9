namespace M365Scanner.Evaluation.Splits;

/// <summary>Assigns a mailbox or a phishing sample to a split by a stable hash of its name: the assignment never
/// changes between runs or machines, and does not depend on the seed (the seed varies attacks, not the split).</summary>
public static class SplitAssignment
{
    /// <param name="name">The mailbox folder ("arnold-j") or the sample's file name ("sample-12.eml").</param>
    public static Split Of(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return (StableHash.Of("split:" + name.Trim().ToLowerInvariant()) & 1) == 0 ? Split.Tune : Split.Report;
    }
}
