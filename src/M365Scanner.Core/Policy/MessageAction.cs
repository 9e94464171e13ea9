namespace M365Scanner.Core.Policy;

/// <summary>What happens to a message. The names are part of the CLI's output contract (lower case).</summary>
public enum MessageAction
{
    /// <summary>Leave it byte-for-byte untouched.</summary>
    Allow,
    /// <summary>Replace only the offending links with the blocked-link page.</summary>
    Rewrite,
    /// <summary>Move the whole message to quarantine.</summary>
    Quarantine,
}
