using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Operations;
using M365Scanner.Storage.InMemory;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Sqlite;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace M365Scanner.Storage;

public static class StorageRegistration
{
    /// <summary>
    /// Every store, all from one provider (<c>Storage:Provider</c>, validated at start): SQLite files under the data
    /// directory (operations in <c>scanner.db</c>, one correspondence graph per tenant in <c>graph-{tenant}.db</c>),
    /// PostgreSQL, or memory. Every store is chosen in the one switch below, so a provider is one case. The Data
    /// Protection key ring (<see cref="IXmlRepository"/>) is one of them, so the host's keys live where its data does.
    /// </summary>
    /// <param name="dataDirectory">Where SQLite's files go; asked for only when the first store is opened, so it may
    /// come from options bound later.</param>
    /// <exception cref="OptionsValidationException">The "Storage" section is invalid.</exception>
    public static IServiceCollection AddScannerStorage(
        this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string> dataDirectory)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var storage = StorageOptions.From(configuration);
        switch (storage.Provider)
        {
            case StorageProvider.InMemory:
                // The change feeds are views of the stores' own memory, so one instance serves both roles.
                services.AddSingleton<InMemoryVerdictStore>();
                services.AddSingleton<IVerdictStore>(sp => sp.GetRequiredService<InMemoryVerdictStore>());
                services.AddSingleton<IChangeFeed<VerdictRecord>>(sp => sp.GetRequiredService<InMemoryVerdictStore>());
                services.AddSingleton<InMemoryAuditLog>();
                services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<InMemoryAuditLog>());
                services.AddSingleton<IChangeFeed<AuditEntry>>(sp => sp.GetRequiredService<InMemoryAuditLog>());
                services.AddSingleton<IWorkerStateStore, InMemoryWorkerStateStore>();
                services.AddSingleton<ITenantStore, InMemoryTenantStore>();
                services.AddSingleton<IHuntStore, InMemoryHuntStore>();
                services.AddSingleton<IPolicyStore, InMemoryPolicyStore>();
                services.AddSingleton<IScanAttemptStore, InMemoryScanAttemptStore>();
                services.AddSingleton<IReleaseRequestStore, InMemoryReleaseRequestStore>();
                services.AddSingleton<IAlertOutbox, InMemoryAlertOutbox>();
                services.AddSingleton<IPhishReportStore, InMemoryPhishReportStore>();
                services.AddSingleton<IMessageLeases, InMemoryMessageLeases>();
                services.AddSingleton<ITenantGraphStorage, InMemoryGraphStorage>();
                services.AddSingleton<IXmlRepository, InMemoryXmlRepository>();
                break;
            case StorageProvider.Sqlite:
                services.AddSingleton(sp =>
                {
                    var directory = dataDirectory(sp);
                    Directory.CreateDirectory(directory);
                    return SqliteDatabase.OpenFile(Path.Combine(directory, "scanner.db"));
                });
                services.AddSingleton<IVerdictStore>(sp => new SqliteVerdictStore(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IAuditLog>(sp => new SqliteAuditLog(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IChangeFeed<VerdictRecord>>(sp => new SqliteVerdictStore(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IChangeFeed<AuditEntry>>(sp => new SqliteAuditLog(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IWorkerStateStore>(sp => new SqliteWorkerStateStore(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<ITenantStore>(sp => new SqliteTenantStore(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IHuntStore>(sp => new SqliteHuntStore(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IPolicyStore>(sp => new SqlitePolicyStore(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IScanAttemptStore>(sp => new SqliteScanAttemptStore(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IReleaseRequestStore>(sp => new SqliteReleaseRequestStore(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IAlertOutbox>(sp => new SqliteAlertOutbox(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IPhishReportStore>(sp => new SqlitePhishReportStore(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IMessageLeases>(sp => new SqliteMessageLeases(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<ITenantGraphStorage>(sp => new SqliteGraphFiles(dataDirectory(sp)));
                services.AddSingleton<IXmlRepository>(sp => new SqliteXmlRepository(sp.GetRequiredService<SqliteDatabase>()));
                break;
            case StorageProvider.Postgres:
                // One data source for every store; opening it migrates the schema (under an advisory lock, so hosts
                // starting together do not race).
                services.AddSingleton(_ => new PostgresDatabase(storage.ConnectionString!));
                services.AddSingleton<IVerdictStore>(sp => new PostgresVerdictStore(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<IAuditLog>(sp => new PostgresAuditLog(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<IChangeFeed<VerdictRecord>>(sp => new PostgresVerdictStore(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<IChangeFeed<AuditEntry>>(sp => new PostgresAuditLog(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<IWorkerStateStore>(sp => new PostgresWorkerStateStore(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<ITenantStore>(sp => new PostgresTenantStore(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<IHuntStore>(sp => new PostgresHuntStore(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<IPolicyStore>(sp => new PostgresPolicyStore(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<IScanAttemptStore>(sp => new PostgresScanAttemptStore(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<IReleaseRequestStore>(sp => new PostgresReleaseRequestStore(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<IAlertOutbox>(sp => new PostgresAlertOutbox(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<IPhishReportStore>(sp => new PostgresPhishReportStore(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<IMessageLeases>(sp => new PostgresMessageLeases(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<ITenantGraphStorage>(sp => new PostgresGraphRows(sp.GetRequiredService<PostgresDatabase>()));
                services.AddSingleton<IXmlRepository>(sp => new PostgresXmlRepository(sp.GetRequiredService<PostgresDatabase>()));
                break;
            default:
                throw new NotSupportedException($"Storage:Provider {storage.Provider} is not supported.");
        }
        return services;
    }
}
