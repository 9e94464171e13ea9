using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Operations.InMemory;
using M365Scanner.Host.Scanning;
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
    /// <exception cref="NotSupportedException">Storage:Provider is Postgres in a build without the PostgreSQL stores.</exception>
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
                services.AddSingleton<Func<string, ICorrespondenceStore>>(_ => _ => new InMemoryCorrespondenceStore());
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
                services.AddSingleton<Func<string, ICorrespondenceStore>>(sp =>
                {
                    var directory = DataDirectory(sp);
                    return tenantId => SqliteCorrespondenceStore.OpenFile(GraphFilePath(directory, tenantId));
                });
                break;
            case StorageProvider.Postgres:
                // TODO(issue 7, after merging the storage branch): one PostgresDatabase singleton opened from
                // storage.ConnectionString (it migrates on open), then PostgresVerdictStore(db), PostgresAuditLog(db),
                // PostgresWorkerStateStore(db), PostgresTenantStore(db), PostgresHuntStore(db), and
                // tenantId => new PostgresCorrespondenceStore(db, tenantId); plus a PostgresStoreCheck for /readyz
                // (see ScannerHealthExtensions). Hangfire on PostgreSQL is already wired (ScannerJobsExtensions).
                throw new NotSupportedException(
                    "Storage:Provider=Postgres needs the PostgreSQL stores (M365Scanner.Storage.Postgres), which this build does not register yet; use Sqlite or InMemory.");
            default:
                throw new NotSupportedException($"Storage:Provider {storage.Provider} is not supported.");
        }
        services.AddSingleton<TenantScanners>();
        return builder;
    }

    /// <summary>The file of the tenant's correspondence graph (offboarding deletes it).</summary>
    public static string GraphFilePath(string dataDirectory, string tenantId) =>
        Path.Combine(dataDirectory, $"graph-{SafeFileName(tenantId)}.db");

    private static string DataDirectory(IServiceProvider sp) => sp.GetRequiredService<IOptions<ScannerHostOptions>>().Value.DataDirectory;

    private static string SafeFileName(string tenantId) =>
        string.Concat(tenantId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
