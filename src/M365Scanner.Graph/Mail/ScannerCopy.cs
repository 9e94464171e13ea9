namespace M365Scanner.Graph.Mail;

/// <summary>A copy the scanner made of a message (its rewritten links in place of the original's).</summary>
/// <param name="Id">The copy's Graph id.</param>
/// <param name="CopyOf">The Graph id of the original, when the copy was made.</param>
/// <param name="IsWhole">False for a copy whose attachments were still being added after its create (an upload
/// session, <see cref="CopyAttachmentPlan"/>) when the run that made it stopped: it must not stand in for the original.</param>
public sealed record ScannerCopy(string Id, string CopyOf, bool IsWhole = true);
