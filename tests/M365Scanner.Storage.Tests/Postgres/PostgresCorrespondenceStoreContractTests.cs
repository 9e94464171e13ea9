using M365Scanner.Core.Correspondence;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.Correspondence;
using M365Scanner.Storage.Tests.TestSupport;

namespace M365Scanner.Storage.Tests.Postgres;

/// <summary>The durable contract against PostgreSQL: every store of a test is the same tenant's graph in one schema,
/// each over its own <see cref="PostgresDatabase"/> (so "reopened" means a new pool and a new migration check).</summary>
public sealed class PostgresCorrespondenceStoreContractTests : DurableCorrespondenceStoreContract
{
    private readonly PostgresTestSchema _schema = PostgresTestSchema.CreateOrSkip();
    private readonly List<PostgresDatabase> _databases = [];

    protected override ICorrespondenceStore CreateStore()
    {
        var database = new PostgresDatabase(_schema.ConnectionString);
        lock (_databases)
            _databases.Add(database);
        return new PostgresCorrespondenceStore(database, "tenant-a");
    }

    protected override int LatestSchemaVersion => PostgresSchema.LatestVersion;

    protected override IReadOnlyList<int> RecordedSchemaVersions() => _schema.RecordedSchemaVersions();

    public override void Dispose()
    {
        base.Dispose();
        foreach (var database in _databases)
            database.Dispose();
        _schema.Dispose();
    }
}
