using M365Scanner.Core.Links.Normalization;

namespace M365Scanner.Core.Links.Unwrapping;

/// <summary>
/// Removes gateway and redirector wrappers from a URL, repeatedly (a Safe Links URL around a Proofpoint URL around
/// the destination is common when mail crosses two organisations), up to <see cref="MaxDepth"/> layers.
/// </summary>
/// <remarks>
/// When a recognised wrapper hides its destination (Mimecast) or carries one that does not parse, unwrapping stops
/// there: the result's target is that wrapper and <see cref="UnwrapResult.IsOpaqueWrapper"/> is true. Beyond
/// <see cref="MaxDepth"/> layers the remaining URL is returned as it is (still wrapped), opaque and
/// <see cref="UnwrapResult.IsTooDeep"/>: real mail has two or three layers, so more is a way to hide. Thread-safe.
/// </remarks>
public sealed class LinkUnwrapper
{
    public const int DefaultMaxDepth = 5;

    /// <summary>Creates an unwrapper trying <paramref name="wrappers"/> in order at each layer.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="wrappers"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is below 1.</exception>
    public LinkUnwrapper(IEnumerable<IUrlWrapper> wrappers, int maxDepth = DefaultMaxDepth)
    {
        ArgumentNullException.ThrowIfNull(wrappers);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        Wrappers = [.. wrappers];
        MaxDepth = maxDepth;
    }

    /// <summary>An unwrapper for <see cref="KnownWrappers.All"/>.</summary>
    public static LinkUnwrapper Default { get; } = new(KnownWrappers.All);

    public IReadOnlyList<IUrlWrapper> Wrappers { get; }

    /// <summary>How many wrapper layers are removed at most.</summary>
    public int MaxDepth { get; }

    /// <summary>Unwraps <paramref name="url"/>; returns it unchanged (empty <see cref="UnwrapResult.WrappedBy"/>)
    /// when no wrapper matches. Never throws for a normalised URL.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    public UnwrapResult Unwrap(NormalizedUrl url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var current = url;
        var names = new List<string>();
        for (var depth = 0; depth < MaxDepth && current.Kind == LinkKind.Web; depth++)
        {
            if (FindStep(current) is not { } step)
                break;
            names.Add(step.WrapperName);
            if (UrlNormalizer.Normalize(step.InnerUrl) is not { } inner)
                return new UnwrapResult(current, names, IsOpaqueWrapper: true);
            current = inner;
        }
        return names.Count == MaxDepth && current.Kind == LinkKind.Web && FindStep(current) is not null
            ? new UnwrapResult(current, names, IsOpaqueWrapper: true) { IsTooDeep = true }
            : new UnwrapResult(current, names, IsOpaqueWrapper: false);
    }

    private UnwrapStep? FindStep(NormalizedUrl url)
    {
        foreach (var wrapper in Wrappers)
        {
            if (wrapper.TryUnwrap(url) is { } step)
                return step;
        }
        return null;
    }
}
