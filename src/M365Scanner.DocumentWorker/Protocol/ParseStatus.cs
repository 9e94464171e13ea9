namespace M365Scanner.DocumentWorker.Protocol;

/// <summary>How a worker answered a request. A worker that cannot answer at all (it died, or was stopped) sends
/// nothing: that is the pool's to report, not the worker's.</summary>
public enum ParseStatus : byte
{
    /// <summary>The document was read: the links and notes are the reader's own result.</summary>
    Read = 0,

    /// <summary>The worker does not know the request's <see cref="DocumentKind"/> (an older worker binary).</summary>
    UnsupportedKind = 1,
}
