namespace M365Scanner.Core.Policy;

/// <summary>A tenant's departures from the global <see cref="PolicyOptions"/>: each null setting inherits the global
/// one, so a change of the global default reaches every tenant that did not decide otherwise.</summary>
public sealed record TenantPolicyOverride(
    PolicyMode? Mode = null, double? RewriteThreshold = null, double? QuarantineThreshold = null, bool? QuarantineEstablishedSenders = null,
    bool? HeldMessageNotice = null)
{
    public static TenantPolicyOverride None { get; } = new();

    /// <summary>The tenant's effective policy: <paramref name="global"/> with this override's settings laid over it.</summary>
    public PolicyOptions ApplyTo(PolicyOptions global)
    {
        ArgumentNullException.ThrowIfNull(global);
        return global with
        {
            Mode = Mode ?? global.Mode,
            RewriteThreshold = RewriteThreshold ?? global.RewriteThreshold,
            QuarantineThreshold = QuarantineThreshold ?? global.QuarantineThreshold,
            QuarantineEstablishedSenders = QuarantineEstablishedSenders ?? global.QuarantineEstablishedSenders,
            HeldMessageNotice = HeldMessageNotice ?? global.HeldMessageNotice,
        };
    }

    /// <summary>Why the override cannot be applied, or null when it can: thresholds lie in [0, 1].</summary>
    public string? Problem() =>
        RewriteThreshold is { } r && !(r is >= 0 and <= 1) ? "rewriteThreshold must be between 0 and 1"
        : QuarantineThreshold is { } q && !(q is >= 0 and <= 1) ? "quarantineThreshold must be between 0 and 1"
        : null;
}
