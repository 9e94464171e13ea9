using M365Scanner.Core.Mail;

namespace M365Scanner.Evaluation.Data;

/// <summary>One readable, dated message of a mailbox, with its place in the mailbox's own timeline.</summary>
/// <param name="File">Path relative to the data root ("enron/arnold-j/inbox/12.eml").</param>
/// <param name="IsHistory">True for messages learned, never scored: an Enron inbox's oldest 70%, a list
/// subscriber's mail before the split's months and its own posts (learned as sent).</param>
public sealed record CorpusMessage(string File, EmailMessage Message, DateTimeOffset Date, bool IsHistory)
{
    /// <summary>The real author when it differs from what From shows (list mail with a munged From); else the From
    /// address. Lower case; null when the message names nobody.</summary>
    public string? Author { get; init; } = (Message.From ?? Message.Sender)?.Normalized;
}
