using M365Scanner.Core.Operations;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.Operations;
using M365Scanner.Storage.Tests.TestSupport;

namespace M365Scanner.Storage.Tests.Postgres;

/// <summary>The change-feed contract against PostgreSQL, each "host" with a pool of its own (skipped when no server
/// is configured).</summary>
public sealed class PostgresChangeFeedTests : ChangeFeedContract
{
    private readonly PostgresTestSchema _schema = PostgresTestSchema.CreateOrSkip();

    protected override (IVerdictStore Store, IChangeFeed<VerdictRecord> Feed) OpenVerdicts()
    {
        var store = new PostgresVerdictStore(Own(new PostgresDatabase(_schema.ConnectionString)));
        return (store, store);
    }

    protected override (IAuditLog Log, IChangeFeed<AuditEntry> Feed) OpenAudit()
    {
        var log = new PostgresAuditLog(Own(new PostgresDatabase(_schema.ConnectionString)));
        return (log, log);
    }

    public override void Dispose()
    {
        base.Dispose();
        _schema.Dispose();
    }
}
