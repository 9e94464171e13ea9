namespace M365Scanner.Core.Operations;

/// <summary>Where one outbound alert stands.</summary>
public enum AlertState
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up on: refused (a 4xx other than 408 and 429) or out of attempts; its last error says why.</summary>
    Failed,
}
