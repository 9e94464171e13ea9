namespace M365Scanner.Demo;

/// <summary>What <c>demo</c> was asked to do.</summary>
/// <param name="Once">Stop after the scenario instead of waiting for Ctrl+C.</param>
/// <param name="Mailboxes">How many Enron mailboxes to seed and protect.</param>
/// <param name="SharedData">The shared data folder (holding enron/ and phishing/).</param>
/// <param name="StateDirectory">Where the host keeps its SQLite files (emptied of a previous run's files first).</param>
/// <param name="Port">The host's port on 127.0.0.1 (0: any free port).</param>
public sealed record DemoSettings(bool Once, int Mailboxes, string SharedData, string StateDirectory, int Port);
