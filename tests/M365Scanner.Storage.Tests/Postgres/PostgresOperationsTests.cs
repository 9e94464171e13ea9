using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.Operations;
using M365Scanner.Storage.Tests.TestSupport;

namespace M365Scanner.Storage.Tests.Postgres;

/// <summary>The durable operations contract against PostgreSQL: each connection is its own
/// <see cref="PostgresDatabase"/> (its own pool), as each host process of a deployment would have.</summary>
public sealed class PostgresOperationsTests : DurableOperationsContract
{
    private readonly PostgresTestSchema _schema = PostgresTestSchema.CreateOrSkip();

    protected override Connection CreateConnection()
    {
        var database = new PostgresDatabase(_schema.ConnectionString);
        return new(new PostgresVerdictStore(database), new PostgresAuditLog(database), new PostgresWorkerStateStore(database),
            new PostgresScanAttemptStore(database), database);
    }

    protected override int LatestSchemaVersion => PostgresSchema.LatestVersion;

    protected override IReadOnlyList<int> RecordedSchemaVersions() => _schema.RecordedSchemaVersions();

    public override void Dispose()
    {
        base.Dispose();
        _schema.Dispose();
    }
}
