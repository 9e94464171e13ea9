namespace M365Scanner.Host.Baselines;

/// <summary>
/// A test hook: lets an end-to-end test stop a baseline between its steps, the way a host killed mid-baseline would,
/// to prove it resumes from its checkpoint. Does nothing unless a test sets <see cref="AtStep"/>.
/// </summary>
public sealed class BaselineFaults
{
    /// <summary>Called with the step reached ("page-committed": a page is in the graph, its checkpoint not yet saved),
    /// the folder, the pages of that folder committed in this run, and the job's cancellation token; may throw or
    /// block until the token fires (a host stopping).</summary>
    public Action<string, string, int, CancellationToken>? AtStep { get; set; }

    internal void At(string step, string folder, int pages, CancellationToken ct) => AtStep?.Invoke(step, folder, pages, ct);
}
