using M365Scanner.Core.Correspondence;

namespace M365Scanner.Storage.Sqlite;

/// <summary>One SQLite file per tenant under the data directory (<c>graph-{tenant}.db</c>), so offboarding a tenant
/// deletes a file, and one tenant's bulk baseline never holds the write lock of another's graph.</summary>
public sealed class SqliteGraphFiles(string dataDirectory) : ITenantGraphStorage
{
    public ICorrespondenceStore Open(string tenantId) => SqliteCorrespondenceStore.OpenFile(PathOf(tenantId));

    public void Delete(string tenantId)
    {
        var file = PathOf(tenantId);
        foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            File.Delete(path);
    }

    private string PathOf(string tenantId) =>
        Path.Combine(dataDirectory, $"graph-{string.Concat(tenantId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'))}.db");
}
