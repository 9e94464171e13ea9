using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace M365Scanner.Host.Security;

/// <summary>
/// ASP.NET Core Data Protection (what protects sign-in cookies and antiforgery tokens) with its key ring in the
/// scanner's own store: the <see cref="IXmlRepository"/> the configured storage provider registers (a table of
/// <c>scanner.db</c> on SQLite, of the shared database on PostgreSQL, memory for the in-memory provider). Every host of a
/// PostgreSQL deployment reads the same ring, so a cookie one host issued is read by the other; the SQLite host keeps
/// its keys across restarts, so a restart signs nobody out. One application name for every host, since Data
/// Protection isolates payloads by it (by default it is the content root path, which differs between machines).
/// </summary>
/// <remarks>The keys are stored unencrypted (no <c>IXmlEncryptor</c>), as Microsoft's EF Core key store keeps them:
/// the database's access control protects them, as it protects the subscriptions' client states and the rest of the
/// data. The framework logs a warning saying so at the first key it creates.</remarks>
public static class DataProtectionKeys
{
    public const string ApplicationName = "M365Scanner";

    /// <summary>Data Protection under <see cref="ApplicationName"/>, its keys kept by the storage provider's
    /// <see cref="IXmlRepository"/> (registered by <c>AddScannerStorage</c>, which must come first).</summary>
    public static IServiceCollection AddScannerDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IXmlRepository>((options, repository) => options.XmlRepository = repository);
        return services;
    }
}
