using M365Scanner.Core.Mail;

namespace M365Scanner.Evaluation.Data;

/// <summary>One message of the list archive, read once and shared by every subscriber's mailbox.</summary>
/// <param name="File">Path relative to the data root ("lists/usrp-users/2022-07/0a1b.eml").</param>
/// <param name="Author">The real author (<see cref="ListAuthor"/>), lower case.</param>
public sealed record ListMessage(string File, EmailMessage Message, DateTimeOffset Date, string? Author);
