using M365Scanner.Core.Links.Normalization;

namespace M365Scanner.Core.Links.Unwrapping;

/// <summary>One kind of link wrapper (a gateway's rewrite or an open redirector) that can be recognised from the
/// URL alone.</summary>
public interface IUrlWrapper
{
    /// <summary>The name recorded in <see cref="Link.WrappedBy"/> ("safelinks", "proofpoint", ...).</summary>
    string Name { get; }

    /// <summary>Returns the wrapped URL when <paramref name="url"/> is this wrapper, a step with a null
    /// <see cref="UnwrapStep.InnerUrl"/> when it is this wrapper but the destination cannot be recovered, and null
    /// when it is not this wrapper. Must not throw.</summary>
    UnwrapStep? TryUnwrap(NormalizedUrl url);
}
