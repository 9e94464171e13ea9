using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace M365Scanner.Storage.InMemory;

/// <summary>ASP.NET Core Data Protection's key ring in process memory, for the in-memory provider (tests, the offline
/// demo): like every in-memory store it is gone with the process, so a restart signs everyone out. Thread-safe.</summary>
public sealed class InMemoryXmlRepository : IXmlRepository
{
    private readonly List<XElement> _elements = [];
    private readonly Lock _lock = new();

    /// <inheritdoc />
    /// <remarks>Copies, in the order they were stored: a caller changing one changes nothing here.</remarks>
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_lock)
            return _elements.Select(e => new XElement(e)).ToList();
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        lock (_lock)
            _elements.Add(new XElement(element));
    }
}
