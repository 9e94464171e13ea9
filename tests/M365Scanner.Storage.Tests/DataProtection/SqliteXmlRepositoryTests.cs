using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace M365Scanner.Storage.Tests.DataProtection;

/// <summary>The contract against a SQLite file, each repository on a database opened anew: what a restarted host
/// finds in its scanner.db.</summary>
public sealed class SqliteXmlRepositoryTests : XmlRepositoryContract
{
    private readonly TempDatabaseFile _file = new();

    protected override IXmlRepository OpenRepository() => new SqliteXmlRepository(Own(SqliteDatabase.OpenFile(_file.Path)));

    [Fact]
    public void GetAllElements_ReturnsTheKeys_AfterTheDatabaseIsClosedAndOpenedAgain()
    {
        var key = Key("0b4f1c9e-5d0a-4a43-9a57-8f1e35c0a006");
        using (var before = SqliteDatabase.OpenFile(_file.Path))
            new SqliteXmlRepository(before).StoreElement(key, "key-0b4f1c9e-5d0a-4a43-9a57-8f1e35c0a006");

        using var after = SqliteDatabase.OpenFile(_file.Path);

        AssertElements([key], new SqliteXmlRepository(after).GetAllElements());
    }

    public override void Dispose()
    {
        base.Dispose();
        _file.Dispose();
    }
}
