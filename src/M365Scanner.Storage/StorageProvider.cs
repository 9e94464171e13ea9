namespace M365Scanner.Storage;

/// <summary>Where the stores and Hangfire's jobs live (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>SQLite files under the host's data directory: one host, durable (the default).</summary>
    Sqlite,

    /// <summary>One PostgreSQL database shared by every host instance (stores, and Hangfire in schema "hangfire").</summary>
    Postgres,

    /// <summary>Memory only, gone at exit (tests, throwaway demos).</summary>
    InMemory,
}
