namespace M365Scanner.Host.Mailboxes;

/// <summary>
/// The adapter's own record of a message it read, carried on <see cref="FetchedMessage"/> so that acting on the message
/// (building a rewritten copy) starts from exactly what was read. Opaque to everyone else: it has no members, and only
/// an adapter in this assembly can derive from it, so only the adapter that made a handle can open it.
/// </summary>
public abstract class MessageHandle
{
    private protected MessageHandle()
    {
    }
}
