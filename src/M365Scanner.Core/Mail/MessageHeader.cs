namespace M365Scanner.Core.Mail;

/// <summary>One header field, name as written, value unfolded and decoded.</summary>
public sealed record MessageHeader(string Name, string Value);
