using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace M365Scanner.Storage.Sqlite;

/// <summary>
/// ASP.NET Core Data Protection's key ring in a <see cref="SqliteDatabase"/> (table <c>data_protection_keys</c> of
/// <c>scanner.db</c>), so the keys that protect the console's sign-in cookie and antiforgery tokens outlive a restart
/// of the single host: without it every restart would sign everyone out.
/// </summary>
/// <remarks>Keys are stored as the key manager hands them over: plain XML, unencrypted, as Microsoft's EF Core key
/// store keeps them. Whoever can read the database file can read them; the file's permissions protect them, as they
/// protect the rest of the scanner's data.</remarks>
public sealed class SqliteXmlRepository(SqliteDatabase database, TimeProvider? clock = null) : IXmlRepository
{
    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <inheritdoc />
    /// <remarks>In the order they were stored.</remarks>
    public IReadOnlyCollection<XElement> GetAllElements() => _database.Read(transaction =>
    {
        using var select = transaction.Command("SELECT xml FROM data_protection_keys ORDER BY id;");
        using var reader = select.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
            elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    });

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        _database.Write(transaction =>
        {
            using var insert = transaction.Command("INSERT INTO data_protection_keys (name, xml, created_at) VALUES ($name, $xml, $at);");
            insert.With("$name", friendlyName ?? "")
                .With("$xml", element.ToString(SaveOptions.DisableFormatting))
                .With("$at", _clock.GetUtcNow().ToUnixTimeMilliseconds())
                .ExecuteNonQuery();
        });
    }
}
