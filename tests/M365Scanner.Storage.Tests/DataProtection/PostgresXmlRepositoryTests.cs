using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace M365Scanner.Storage.Tests.DataProtection;

/// <summary>The contract against PostgreSQL, each repository on a database (connection pool) of its own over one
/// schema: what two hosts of a deployment share (skipped when no server is configured).</summary>
public sealed class PostgresXmlRepositoryTests : XmlRepositoryContract
{
    private readonly PostgresTestSchema _schema = PostgresTestSchema.CreateOrSkip();

    protected override IXmlRepository OpenRepository() => new PostgresXmlRepository(Own(new PostgresDatabase(_schema.ConnectionString)));

    [SkippableFact]
    public void GetAllElements_OnOneHost_ReturnsWhatAnotherHostStored()
    {
        var key = Key("0b4f1c9e-5d0a-4a43-9a57-8f1e35c0a007");
        var first = OpenRepository();
        var second = OpenRepository();

        first.StoreElement(key, "key-0b4f1c9e-5d0a-4a43-9a57-8f1e35c0a007");

        AssertElements([key], second.GetAllElements());
    }

    public override void Dispose()
    {
        base.Dispose();
        _schema.Dispose();
    }
}
