using M365Scanner.Core.Operations;

namespace M365Scanner.Host.Scanning;

/// <summary>Another run held the message's lease for the whole wait: a transient failure (the job is retried later,
/// and the attempt does not count towards poison).</summary>
public sealed class MessageBusyException(MessageKey key, TimeSpan waited)
    : Exception($"Another run has been acting on {key.MessageId} in {key.Mailbox} for over {waited.TotalSeconds:0} s; retrying later.");
