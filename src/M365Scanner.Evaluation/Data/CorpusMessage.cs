using M365Scanner.Core.Mail;

namespace M365Scanner.Evaluation.Data;

/// <summary>One readable, dated message of a mailbox, with its place in the mailbox's own timeline.</summary>
/// <param name="File">Path relative to the data root ("enron/arnold-j/inbox/12.eml").</param>
/// <param name="IsHistory">True for the oldest 70% of the mailbox (learned, never scored).</param>
public sealed record CorpusMessage(string File, EmailMessage Message, DateTimeOffset Date, bool IsHistory);
