namespace M365Scanner.Core.Policy;

/// <summary>What a message gets when part of its content could not be read (<see cref="Links.ContentGaps"/>).</summary>
public enum UnreadableContentAction
{
    /// <summary>Moved to quarantine whole, releasable: what could not be read cannot be judged safe.</summary>
    Quarantine,

    /// <summary>Judged on what could be read; the gap is named in the verdict. For tenants where, say, encrypted PDFs
    /// from partners are routine.</summary>
    Allow,
}
