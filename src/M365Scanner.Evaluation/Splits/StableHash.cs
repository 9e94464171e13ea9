using System.Text;

namespace M365Scanner.Evaluation.Splits;

/// <summary>FNV-1a over UTF-8: the same 64-bit value for the same string on every machine and every run
/// (unlike <see cref="string.GetHashCode()"/>, which .NET randomises per process).</summary>
public static class StableHash
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = Offset;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= Prime;
        }
        // FNV's low bits mix poorly for short inputs that differ in their last byte; fold the high half in.
        return hash ^ (hash >> 32);
    }

    /// <summary>A seed for <see cref="Random"/> derived from the run's seed and what it is for, so each use
    /// (one mailbox's lateral picks, one sample's URL) draws the same numbers whatever else the run does.</summary>
    public static int Seed(int runSeed, string purpose) => (int)(Of($"{runSeed}|{purpose}") & 0x7FFF_FFFF);
}
