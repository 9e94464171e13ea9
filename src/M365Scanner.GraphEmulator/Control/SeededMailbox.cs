namespace M365Scanner.GraphEmulator.Control;

/// <summary>A mailbox <see cref="DemoSeed"/> loaded: its owner's address, the emulator's user id, the folder of
/// .eml files it came from, and how many messages were loaded.</summary>
public sealed record SeededMailbox(string Owner, string UserId, string Directory, int Loaded);
