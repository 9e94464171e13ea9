using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;

namespace M365Scanner.Core.Correspondence;

/// <summary>A message for the graph to learn, as seen by <paramref name="Mailbox"/> at <paramref name="At"/>, with the
/// <paramref name="Links"/> that are to be taken as normal (flagged links left out).</summary>
public sealed record MessageToLearn(EmailMessage Message, string Mailbox, IReadOnlyList<Link> Links, DateTimeOffset At);
