using M365Scanner.Host.Baselines;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>Stops a baseline between its steps, the way a host killed mid-baseline would, to prove it resumes from its
/// checkpoint. Does nothing unless a test sets <see cref="AtStep"/>.</summary>
public sealed class BaselineFaults : IBaselineFaults
{
    /// <summary>Called with the step reached, the folder, the pages of that folder committed in this run, and the job's
    /// cancellation token (see <see cref="IBaselineFaults.At"/>); may throw or block until the token fires.</summary>
    public Action<string, string, int, CancellationToken>? AtStep { get; set; }

    public void At(string step, string folder, int pages, CancellationToken ct) => AtStep?.Invoke(step, folder, pages, ct);
}
