using M365Scanner.Core.Mail;

namespace M365Scanner.Core.Senders;

/// <summary>
/// Who a message is judged as coming from: its <see cref="Kind"/>, the <see cref="Author"/> whose history the
/// correspondence graph holds it against, and the <see cref="Channel"/> it came through (a list), if any.
/// </summary>
/// <param name="Author">From (or Sender), except for a list copy whose From is the list's own address ("Jane via
/// Some-list" &lt;list@lists.example&gt;, DMARC munging): then the author the list names in X-Original-From, Reply-To
/// or X-MailFrom. Null when the message names nobody usable.</param>
/// <param name="Channel">The list's identity (the List-Id's id, else the List-Post address), lower case.</param>
/// <param name="ListAddress">The list's posting address (List-Post's mailto), lower case, when it has one.</param>
/// <param name="IsMunged">From is the list's address and <paramref name="Author"/> came from the list's own headers.</param>
public sealed record MessageSender(
    SenderKind Kind,
    EmailAddress? Author,
    string? Channel,
    string? ListAddress,
    bool IsMunged)
{
    /// <summary>The message as its From (or Sender) header gives it, kind <paramref name="kind"/>, no channel.</summary>
    public static MessageSender Plain(EmailMessage message, SenderKind kind = SenderKind.Person) =>
        new(kind, message.From ?? message.Sender, null, null, false);

    /// <summary>The same message judged by its From header after all (the list's address as the sender): used when a
    /// munged author cannot be trusted because the mailbox has never received the list.</summary>
    public MessageSender AsWritten(EmailMessage message) =>
        IsMunged ? this with { Author = message.From ?? message.Sender, IsMunged = false } : this;

    /// <summary>The author's domain, lower case; "" when there is no author.</summary>
    public string Domain => Author?.Domain ?? "";
}
