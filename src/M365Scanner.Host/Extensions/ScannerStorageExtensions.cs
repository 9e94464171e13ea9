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
    /// The stores: SQLite files under the data directory (operations in <c>scanner.db</c>, one correspondence graph
    /// per tenant in <c>graph-{tenant}.db</c>), or memory when <c>Scanner:JobStorage</c> is InMemory.
    /// </summary>
    public static IHostApplicationBuilder AddScannerStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ScannerHostOptions>>().Value;
            if (InMemory(options))
                return SqliteDatabase.InMemory();
            Directory.CreateDirectory(options.DataDirectory);
            return SqliteDatabase.OpenFile(Path.Combine(options.DataDirectory, "scanner.db"));
        });
        services.AddSingleton<IVerdictStore>(sp => InMemory(sp)
            ? new InMemoryVerdictStore() : new SqliteVerdictStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IAuditLog>(sp => InMemory(sp)
            ? new InMemoryAuditLog() : new SqliteAuditLog(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IWorkerStateStore>(sp => InMemory(sp)
            ? new InMemoryWorkerStateStore() : new SqliteWorkerStateStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<Func<string, ICorrespondenceStore>>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ScannerHostOptions>>().Value;
            return tenantId => InMemory(options)
                ? new InMemoryCorrespondenceStore()
                : SqliteCorrespondenceStore.OpenFile(GraphFilePath(options.DataDirectory, tenantId));
        });
        services.AddSingleton<TenantScanners>();
        return builder;
    }

    /// <summary>The file of the tenant's correspondence graph (offboarding deletes it).</summary>
    public static string GraphFilePath(string dataDirectory, string tenantId) =>
        Path.Combine(dataDirectory, $"graph-{SafeFileName(tenantId)}.db");

    private static bool InMemory(IServiceProvider sp) => InMemory(sp.GetRequiredService<IOptions<ScannerHostOptions>>().Value);

    private static bool InMemory(ScannerHostOptions options) => options.JobStorage == "InMemory";

    private static string SafeFileName(string tenantId) =>
        string.Concat(tenantId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
