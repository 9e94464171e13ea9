namespace M365Scanner.Demo.Scenario;

/// <summary>One message the demo delivers: what it stands for, its Message-ID (without brackets) and its MIME.</summary>
public sealed record DemoMessage(string Kind, string Story, string MessageId, byte[] Mime);
