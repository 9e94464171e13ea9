using M365Scanner.Host.Tests.TestSupport;
using M365Scanner.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Tests.Storage;

public class StorageOptionsTests
{
    [Fact]
    public void Build_Fails_WhenPostgresHasNoConnectionString()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build(new() { ["Storage:Provider"] = "Postgres" }));
        Assert.Contains("Storage:ConnectionString is required", error.Message);
    }

    [Fact]
    public void Build_FailsWithoutEchoingIt_WhenTheConnectionStringDoesNotParse()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            Build(new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = "Host=db;Password=s3cret;broken" }));
        Assert.DoesNotContain("s3cret", error.Message);
    }

    [Fact]
    public void Describe_LeavesThePasswordOut()
    {
        var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=db;Username=scanner;Password=s3cret;Database=m365" };
        var described = options.Describe();
        Assert.DoesNotContain("s3cret", described);
        Assert.Contains("host=db", described, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Start_Fails_WhenHostsShareAPostgresDatabaseWithoutOneBlockedLinkKey()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=scanner",
            ["Scanner:DataDirectory"] = TestDataDirectory.New(),
        };
        using var host = ScannerApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ScannerHostOptions>>().Value);
        Assert.Contains("Scanner:BlockedLinkSigningKey is required", error.Message);
    }

    [Fact]
    public void Provider_DefaultsToSqlite() => Assert.Equal(StorageProvider.Sqlite, StorageOptions.From(new ConfigurationBuilder().Build()).Provider);

    private static void Build(Dictionary<string, string?> settings)
    {
        settings["Scanner:DataDirectory"] = TestDataDirectory.New();
        using var _ = ScannerApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
    }
}
