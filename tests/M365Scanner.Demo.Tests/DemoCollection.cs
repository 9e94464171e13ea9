namespace M365Scanner.Demo.Tests;

/// <summary>Tests that start the demo run one at a time: two demos in one process compete for the same two cores and
/// their baselines' deadlines (each starts an emulator, a host and PDF workers).</summary>
[CollectionDefinition(Name)]
public sealed class DemoCollection
{
    public const string Name = "demo";
}
