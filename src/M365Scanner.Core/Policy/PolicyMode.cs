namespace M365Scanner.Core.Policy;

/// <summary>Whether decisions are carried out.</summary>
public enum PolicyMode
{
    /// <summary>Record what would be done; change nothing in any mailbox.</summary>
    ReportOnly,
    /// <summary>Carry out rewrites and quarantines.</summary>
    Enforce,
}
