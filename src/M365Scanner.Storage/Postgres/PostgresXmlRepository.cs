using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace M365Scanner.Storage.Postgres;

/// <summary>
/// ASP.NET Core Data Protection's key ring in a <see cref="PostgresDatabase"/> (table <c>data_protection_keys</c>),
/// one ring for every host sharing the database: a sign-in cookie or antiforgery token protected by one host is read
/// by any other, and survives each host's restart.
/// </summary>
/// <remarks>Keys are stored as the key manager hands them over: plain XML, unencrypted, as Microsoft's EF Core key
/// store keeps them. Whoever can read the table can read them; the database's access control protects them, as it
/// protects the rest of the scanner's data.</remarks>
public sealed class PostgresXmlRepository(PostgresDatabase database, TimeProvider? clock = null) : IXmlRepository
{
    private readonly PostgresDatabase _database = database ?? throw new ArgumentNullException(nameof(database));
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <inheritdoc />
    /// <remarks>In the order they were stored.</remarks>
    public IReadOnlyCollection<XElement> GetAllElements() => _database.Run(connection =>
    {
        using var select = connection.Command("SELECT xml FROM data_protection_keys ORDER BY id;");
        return select.ReadAll(reader => XElement.Parse(reader.GetString(0)));
    });

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        _database.Run(connection =>
        {
            using var insert = connection.Command("INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @at);");
            return insert.With("name", friendlyName ?? "")
                .With("xml", element.ToString(SaveOptions.DisableFormatting))
                .With("at", _clock.GetUtcNow())
                .ExecuteNonQuery();
        });
    }
}
