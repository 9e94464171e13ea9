using M365Scanner.Storage.InMemory;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace M365Scanner.Storage.Tests.DataProtection;

/// <summary>The contract against the in-memory key store: one repository, as one process has.</summary>
public sealed class InMemoryXmlRepositoryTests : XmlRepositoryContract
{
    private readonly InMemoryXmlRepository _repository = new();

    protected override IXmlRepository OpenRepository() => _repository;

    [Fact]
    public void GetAllElements_ReturnsCopies_ThatChangeNothingStored()
    {
        _repository.StoreElement(Key("0b4f1c9e-5d0a-4a43-9a57-8f1e35c0a005"), "key-5");

        _repository.GetAllElements().Single().SetAttributeValue("id", "tampered");

        Assert.Equal("0b4f1c9e-5d0a-4a43-9a57-8f1e35c0a005", _repository.GetAllElements().Single().Attribute("id")!.Value);
    }
}
