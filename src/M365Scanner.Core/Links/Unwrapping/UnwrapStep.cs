namespace M365Scanner.Core.Links.Unwrapping;

/// <summary>One wrapper peeled off a URL.</summary>
/// <param name="WrapperName">The wrapper's <see cref="IUrlWrapper.Name"/>.</param>
/// <param name="InnerUrl">The wrapped URL as decoded (not yet normalised); null when the wrapper hides it.</param>
public sealed record UnwrapStep(string WrapperName, string? InnerUrl)
{
    /// <summary>True when the wrapper was recognised but its destination is not in the URL.</summary>
    public bool IsOpaque => InnerUrl is null;
}
