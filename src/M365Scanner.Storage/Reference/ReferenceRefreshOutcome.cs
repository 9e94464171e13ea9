namespace M365Scanner.Storage.Reference;

/// <summary>What one refresh did with one list.</summary>
public enum ReferenceRefreshResult
{
    /// <summary>A new copy was accepted.</summary>
    Updated,
    /// <summary>The source has not changed (HTTP 304, or the same bytes as the copy in use).</summary>
    Unchanged,
    /// <summary>The source failed or gave an implausible copy: the last good copy is kept.</summary>
    Kept,
}

/// <param name="Reason">Why a copy was kept, for the log; never holds a secret (URLs are shown without query).</param>
public sealed record ReferenceRefreshOutcome(string List, ReferenceRefreshResult Result, string? Reason = null);
