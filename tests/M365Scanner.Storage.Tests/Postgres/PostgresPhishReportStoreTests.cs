using M365Scanner.Core.Operations;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.Operations;
using M365Scanner.Storage.Tests.TestSupport;

namespace M365Scanner.Storage.Tests.Postgres;

/// <summary>The contract against PostgreSQL, in a schema of its own per test (skipped when no server is configured).</summary>
public sealed class PostgresPhishReportStoreTests : PhishReportStoreContract
{
    private readonly PostgresTestSchema _schema = PostgresTestSchema.CreateOrSkip();

    protected override IPhishReportStore CreateStore() => new PostgresPhishReportStore(Own(new PostgresDatabase(_schema.ConnectionString)));

    public override void Dispose()
    {
        base.Dispose();
        _schema.Dispose();
    }
}
