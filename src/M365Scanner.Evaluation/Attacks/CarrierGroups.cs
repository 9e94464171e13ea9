namespace M365Scanner.Evaluation.Attacks;

/// <summary>Why a lateral attack's carrier counts as an established correspondent; reported apart, since the
/// scanner's own rule is stricter than "has written before".</summary>
[Flags]
public enum CarrierGroups
{
    None = 0,
    /// <summary>The scanner called the sender established when the real message arrived
    /// (<c>SenderHistory.IsEstablished</c>: the mailbox wrote to them, or 3 messages over at least 7 days).</summary>
    ScannerRule = 1,
    /// <summary>The real author had 3 or more messages in the mailbox before this one, over any span.</summary>
    MessageCount = 2,
}
