namespace M365Scanner.Storage.Sqlite;

/// <summary>How the operations stores keep instants: milliseconds since 1970 in UTC. Finer than the graph's whole
/// seconds because the steps of one action (started, copied, completed) often fall within one second and must
/// still sort and read back apart.</summary>
internal static class UnixMilliseconds
{
    public static long From(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static DateTimeOffset ToInstant(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public static DateTimeOffset? ToInstant(long? milliseconds) => milliseconds is { } ms ? ToInstant(ms) : null;
}
