using M365Scanner.Core.Operations;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.Operations;
using M365Scanner.Storage.Tests.TestSupport;

namespace M365Scanner.Storage.Tests.Postgres;

/// <summary>The contract against PostgreSQL, in a schema of its own per test, with a second data source as a second
/// host would have (skipped when no server is configured).</summary>
public sealed class PostgresMessageLeasesTests : MessageLeasesContract
{
    private readonly PostgresTestSchema _schema = PostgresTestSchema.CreateOrSkip();

    protected override IMessageLeases CreateStore() => new PostgresMessageLeases(Own(new PostgresDatabase(_schema.ConnectionString)));

    protected override IMessageLeases CreateSecondView() => CreateStore();

    public override void Dispose()
    {
        base.Dispose();
        _schema.Dispose();
    }
}
