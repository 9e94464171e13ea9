using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using M365Scanner.Storage;

namespace M365Scanner.Host.Jobs;

/// <summary>This host's Hangfire storage, on the provider of <c>Storage:Provider</c>: SQLite in the data directory,
/// PostgreSQL in its job schema, or memory.</summary>
public static class HostJobStorage
{
    public static JobStorage Create(IServiceProvider services, StorageOptions storage, ScannerHostOptions options)
    {
        switch (storage.Provider)
        {
            case StorageProvider.InMemory:
                return new InMemoryStorage();
            case StorageProvider.Sqlite:
                Directory.CreateDirectory(options.DataDirectory);
                var database = Path.GetFullPath(Path.Combine(options.DataDirectory, "hangfire.db"));
                if (SqliteJobRecovery.Recover(database) is var (jobs, locks) && jobs + locks > 0)
                    services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SqliteJobRecovery)).LogWarning(
                        "A process stopped without finishing its work: {Jobs} job(s) it had fetched are back in the queue, {Locks} lock(s) it held released",
                        jobs, locks);
                // A job queued by this process wakes its workers at once; the poll is the fallback for a job no wake
                // announces (one fetched by a process that died, visible again), as on PostgreSQL.
                return new WakeOnEnqueueStorage(
                    new SQLiteStorage(database, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(2) }));
            case StorageProvider.Postgres:
                var postgres = PostgresJobStorage.Options(storage);
                return new PostgreSqlStorage(new NpgsqlConnectionFactory(storage.ConnectionString!, postgres), postgres);
            default:
                throw new NotSupportedException($"Storage:Provider {storage.Provider} is not supported.");
        }
    }
}
