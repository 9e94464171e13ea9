namespace M365Scanner.Host.Baselines;

/// <summary>
/// The points of a baseline where a host can die: the end-to-end tests stop a baseline there, the way a host killed
/// mid-baseline would, to prove it resumes from its checkpoint. The product registers <see cref="None"/>; the faulting
/// implementation lives with the tests, which register it in the host's configuration.
/// </summary>
public interface IBaselineFaults
{
    /// <summary>Does nothing: the product's.</summary>
    static IBaselineFaults None { get; } = new NoFaults();

    /// <summary>Reached at <paramref name="step"/> ("page-committed": a page is in the graph, its checkpoint not yet
    /// saved) of <paramref name="folder"/>, with the pages of that folder committed in this run and the job's
    /// cancellation token. An implementation may throw, or block until the token fires (a host stopping).</summary>
    void At(string step, string folder, int pages, CancellationToken ct);

    private sealed class NoFaults : IBaselineFaults
    {
        public void At(string step, string folder, int pages, CancellationToken ct)
        {
        }
    }
}
