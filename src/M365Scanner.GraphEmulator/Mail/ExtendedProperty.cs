namespace M365Scanner.GraphEmulator.Mail;

/// <summary>A singleValueExtendedProperty: id such as "Integer 0x0E07", value as a string.</summary>
public sealed record ExtendedProperty(string Id, string Value);
