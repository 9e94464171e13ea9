namespace M365Scanner.Host.Mailboxes;

/// <summary>A copy the scanner made of a message, where only the offending links differ.</summary>
/// <param name="Id">The copy's id.</param>
/// <param name="CopyOf">The id the original had when the copy was made.</param>
/// <param name="IsWhole">False for a copy whose maker stopped while still adding its attachments (large ones follow the
/// copy's create): it lacks some, and must be replaced, not kept.</param>
public sealed record MessageCopy(string Id, string CopyOf, bool IsWhole = true);
