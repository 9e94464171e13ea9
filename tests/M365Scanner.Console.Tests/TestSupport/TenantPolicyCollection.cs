namespace M365Scanner.Console.Tests.TestSupport;

/// <summary>Tests that change a tenant's policy: a demo of their own, so the other tests' demo keeps enforcing.</summary>
[CollectionDefinition(Name)]
public sealed class TenantPolicyCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<DemoSessionFixture>
{
    public const string Name = "Console: tenant policy, own demo";
}
