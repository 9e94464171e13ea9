using System.Security.Cryptography;
using M365Scanner.Host.Tests.TestSupport;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.Security;

/// <summary>
/// The console's sign-in cookie and antiforgery tokens are Data Protection payloads: one host must read what another
/// host of the same deployment protected, and what it protected itself before a restart. Each host here is built the way
/// the product builds it (ScannerApp.Build) on the deployment's storage; a host instance is a new process's worth of
/// services, its key ring read from the store.
/// </summary>
public class DataProtectionKeysTests
{
    private const string Purpose = "M365Scanner.Host.Tests.DataProtectionKeysTests";
    private const string Session = "alice@contoso.example's console session";

    [Fact]
    public async Task Unprotect_ReadsWhatAHostOnTheSameSqliteDataDirectoryProtected_AndTheKeyIsInScannerDb()
    {
        var directory = TestDataDirectory.New();
        var other = TestDataDirectory.New();
        try
        {
            string payload;
            await using (var first = Build(Sqlite(directory)))
                payload = Protector(first).Protect(Session);

            await using var restarted = Build(Sqlite(directory));
            Assert.Equal(Session, Protector(restarted).Unprotect(payload));
            // The ring is the scanner's own data, not a file in the user's profile that happens to be shared.
            using (var database = SqliteDatabase.OpenFile(Path.Combine(directory, "scanner.db")))
                Assert.NotEmpty(new SqliteXmlRepository(database).GetAllElements());
            // A host on other data has other keys: the payload is bound to the store, as a stolen cookie should be.
            await using var elsewhere = Build(Sqlite(other));
            Assert.ThrowsAny<CryptographicException>(() => Protector(elsewhere).Unprotect(payload));
        }
        finally
        {
            TestDataDirectory.Delete(directory, other);
        }
    }

    [SkippableFact]
    public async Task Unprotect_ReadsWhatTheOtherHostProtected_OnOnePostgresDatabase()
    {
        using var schema = PostgresTestSchema.CreateOrSkip();
        var directories = new[] { TestDataDirectory.New(), TestDataDirectory.New() };
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        try
        {
            await using var first = Build(Postgres(schema, directories[0], signingKey));
            await using var second = Build(Postgres(schema, directories[1], signingKey));

            var payload = Protector(first).Protect(Session);

            Assert.Equal(Session, Protector(second).Unprotect(payload));
            Assert.Equal(Session, Protector(first).Unprotect(Protector(second).Protect(Session)));
        }
        finally
        {
            TestDataDirectory.Delete(directories);
        }
    }

    private static IDataProtector Protector(WebApplication host) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static Dictionary<string, string?> Sqlite(string directory) => new()
    {
        ["Storage:Provider"] = "Sqlite",
        ["Scanner:DataDirectory"] = directory,
    };

    // Each host has a data directory of its own (its content root differs too on another machine): only the database is shared.
    private static Dictionary<string, string?> Postgres(PostgresTestSchema schema, string directory, string signingKey) => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = schema.ConnectionString,
        ["Scanner:DataDirectory"] = directory,
        ["Scanner:BlockedLinkSigningKey"] = signingKey,
    };

    private static WebApplication Build(Dictionary<string, string?> settings) =>
        ScannerApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
}
