using M365Scanner.Core.Operations;
using M365Scanner.Core.Operations.InMemory;
using M365Scanner.Host.Tenants;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Extensions;

public static class ScannerStorageExtensions
{
    /// <summary>
    /// The stores, all from one provider (<c>Storage:Provider</c>, validated at start): SQLite files under the data
    /// directory (operations in <c>scanner.db</c>, one correspondence graph per tenant in <c>graph-{tenant}.db</c>),
    /// PostgreSQL, or memory. Every store is chosen in the one switch below, so a provider is one case.
    /// </summary>
    /// <exception cref="OptionsValidationException">The "Storage" section is invalid.</exception>
    public static IHostApplicationBuilder AddScannerStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var storage = StorageOptions.From(builder.Configuration);
        switch (storage.Provider)
        {
            case StorageProvider.InMemory:
                services.AddSingleton<IVerdictStore, InMemoryVerdictStore>();
                services.AddSingleton<IAuditLog, InMemoryAuditLog>();
                services.AddSingleton<IWorkerStateStore, InMemoryWorkerStateStore>();
                services.AddSingleton<ITenantStore, InMemoryTenantStore>();
                services.AddSingleton<IHuntStore, InMemoryHuntStore>();
                services.AddSingleton<IScanAttemptStore, InMemoryScanAttemptStore>();
                services.AddSingleton<IMessageLeases, InMemoryMessageLeases>();
                services.AddSingleton<ITenantGraphStorage, InMemoryGraphStorage>();
                break;
            case StorageProvider.Sqlite:
                services.AddSingleton(sp =>
                {
                    var directory = DataDirectory(sp);
                    Directory.CreateDirectory(directory);
                    return SqliteDatabase.OpenFile(Path.Combine(directory, "scanner.db"));
                });
                services.AddSingleton<IVerdictStore>(sp => new SqliteVerdictStore(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IAuditLog>(sp => new SqliteAuditLog(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IWorkerStateStore>(sp => new SqliteWorkerStateStore(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<ITenantStore>(sp => new SqliteTenantStore(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IHuntStore>(sp => new SqliteHuntStore(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IScanAttemptStore>(sp => new SqliteScanAttemptStore(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IMessageLeases>(sp => new SqliteMessageLeases(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<ITenantGraphStorage>(sp => new SqliteGraphFiles(DataDirectory(sp)));
                break;
            case StorageProvider.Postgres:
                // One data source for every store; opening it migrates the schema (under an advisory lock, so hosts
                // starting together do not race).
                services.AddSingleton(_ => new PostgresDatabase(storage.ConnectionString!));
                services.AddSingleton<IVerdictStore>(sp => new PostgresVerdictStore(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<IAuditLog>(sp => new PostgresAuditLog(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<IWorkerStateStore>(sp => new PostgresWorkerStateStore(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<ITenantStore>(sp => new PostgresTenantStore(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<IHuntStore>(sp => new PostgresHuntStore(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<IScanAttemptStore>(sp => new PostgresScanAttemptStore(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<IMessageLeases>(sp => new PostgresMessageLeases(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<ITenantGraphStorage>(sp => new PostgresGraphRows(sp.GetRequiredService<PostgresDatabase>()));
                break;
            default:
                throw new NotSupportedException($"Storage:Provider {storage.Provider} is not supported.");
        }
        services.AddSingleton<TenantScanners>();
        return builder;
    }

    private static string DataDirectory(IServiceProvider sp) => sp.GetRequiredService<IOptions<ScannerHostOptions>>().Value.DataDirectory;
}
