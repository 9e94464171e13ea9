namespace M365Scanner.Storage.Sqlite;

/// <summary>How the SQLite store keeps instants: whole seconds since 1970 in UTC. Message dates carry no finer
/// precision, and an integer of that size takes 4-5 bytes where text or milliseconds take 6-25.</summary>
internal static class UnixSeconds
{
    public static long From(DateTimeOffset at) => at.ToUnixTimeSeconds();

    public static DateTimeOffset ToInstant(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);
}
