using System.Xml.Linq;
using M365Scanner.Storage.Tests.Operations;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace M365Scanner.Storage.Tests.DataProtection;

/// <summary>What every provider's Data Protection key store must do: give back every element stored, whole and in
/// order, to a repository opened afterwards on the same store (a restarted host, or another host of the deployment).
/// A provider's test class says how to open a repository on its store and whether a second one sees the same store.</summary>
public abstract class XmlRepositoryContract : StoreContract
{
    /// <summary>A repository on the test's store; each call opens a new one on the same store when the provider is durable.</summary>
    protected abstract IXmlRepository OpenRepository();

    [SkippableFact]
    public void GetAllElements_IsEmpty_WhenNothingStored()
    {
        Assert.Empty(OpenRepository().GetAllElements());
    }

    [SkippableFact]
    public void GetAllElements_ReturnsEveryStoredElement_WholeAndInOrder()
    {
        var repository = OpenRepository();
        var first = Key("0b4f1c9e-5d0a-4a43-9a57-8f1e35c0a001");
        var revocation = new XElement("revocation", new XAttribute("version", 1), new XElement("revocationDate", "2024-03-01T12:00:00Z"),
            new XElement("key", new XAttribute("id", "*")), new XElement("reason", "a host's disk was copied & lost <really>"));
        var second = Key("0b4f1c9e-5d0a-4a43-9a57-8f1e35c0a002");

        repository.StoreElement(first, "key-0b4f1c9e-5d0a-4a43-9a57-8f1e35c0a001");
        repository.StoreElement(revocation, "revocation-20240301T120000Z");
        repository.StoreElement(second, "key-0b4f1c9e-5d0a-4a43-9a57-8f1e35c0a002");

        AssertElements([first, revocation, second], repository.GetAllElements());
    }

    [SkippableFact]
    public void StoreElement_KeepsBoth_WhenTwoElementsShareAFriendlyName()
    {
        var repository = OpenRepository();

        repository.StoreElement(Key("0b4f1c9e-5d0a-4a43-9a57-8f1e35c0a003"), "revocation-20240301T120000Z");
        repository.StoreElement(Key("0b4f1c9e-5d0a-4a43-9a57-8f1e35c0a004"), "revocation-20240301T120000Z");

        Assert.Equal(2, repository.GetAllElements().Count);
    }

    protected static void AssertElements(IReadOnlyList<XElement> expected, IReadOnlyCollection<XElement> actual) =>
        Assert.Equal(expected.Select(e => e.ToString(SaveOptions.DisableFormatting)), actual.Select(e => e.ToString(SaveOptions.DisableFormatting)));

    /// <summary>A key element shaped like the ones the key manager writes (its descriptor left out: opaque to the store).</summary>
    protected static XElement Key(string id) => new("key", new XAttribute("id", id), new XAttribute("version", 1),
        new XElement("creationDate", "2024-03-01T12:00:00Z"), new XElement("activationDate", "2024-03-01T12:00:00Z"),
        new XElement("expirationDate", "2024-05-30T12:00:00Z"),
        new XElement("descriptor", new XElement("masterKey", new XAttribute(XNamespace.Xmlns + "d", "http://schemas.asp.net/2015/03/dataProtection"),
            new XElement("value", Convert.ToBase64String(new byte[64])))));
}
