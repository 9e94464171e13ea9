namespace M365Scanner.Demo;

/// <summary>A demo step failed or timed out; the message says which (the demo prints it as "demo failed: ...").</summary>
public sealed class DemoFailure(string message) : Exception(message);
