namespace M365Scanner.Console.Tests.TestSupport;

/// <summary>The tests that share one browser and one running demo; xUnit runs them one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<DemoSessionFixture>
{
    public const string Name = "Console: one browser, one demo";
}
