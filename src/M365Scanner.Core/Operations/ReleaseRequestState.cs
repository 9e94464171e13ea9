namespace M365Scanner.Core.Operations;

/// <summary>Where a user's request to release a held message stands.</summary>
public enum ReleaseRequestState
{
    /// <summary>Filed by the user, waiting for an analyst.</summary>
    Open,

    /// <summary>An analyst approved it and the message was released.</summary>
    Released,

    /// <summary>An analyst refused it, with a reason the user is shown.</summary>
    Denied,
}
