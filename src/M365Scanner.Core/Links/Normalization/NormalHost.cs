namespace M365Scanner.Core.Links.Normalization;

/// <summary>A host in normal form: <see cref="Ascii"/> lower case (punycode, dotted quad or "[v6]").</summary>
internal readonly record struct NormalHost(string Ascii, string Unicode, bool IsIp);
