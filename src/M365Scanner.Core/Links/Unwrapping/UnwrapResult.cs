using M365Scanner.Core.Links.Normalization;

namespace M365Scanner.Core.Links.Unwrapping;

/// <summary>What <see cref="LinkUnwrapper.Unwrap"/> found.</summary>
/// <param name="Target">The innermost URL recovered; the input itself when nothing was unwrapped, and the last
/// recognised wrapper when <paramref name="IsOpaqueWrapper"/> is true.</param>
/// <param name="WrappedBy">Wrapper names, outermost first; empty when the URL was not wrapped.</param>
/// <param name="IsOpaqueWrapper">A wrapper was recognised whose destination cannot be recovered from the URL.</param>
public sealed record UnwrapResult(NormalizedUrl Target, IReadOnlyList<string> WrappedBy, bool IsOpaqueWrapper)
{
    /// <summary>Unwrapping stopped at <see cref="LinkUnwrapper.MaxDepth"/> layers with a wrapper still around
    /// <see cref="Target"/>: the destination is not known (<see cref="IsOpaqueWrapper"/> is true too).</summary>
    public bool IsTooDeep { get; init; }
}
