namespace M365Scanner.GraphEmulator.Control;

/// <summary>A demo user who signs in to the analyst console through the emulator's OpenID Connect flow, holding one
/// app role of the console's app registration.</summary>
public sealed record ConsoleTestUser(string UserPrincipalName, string DisplayName, string Role, string Password);
