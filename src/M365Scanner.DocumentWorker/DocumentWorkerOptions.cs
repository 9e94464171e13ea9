using System.ComponentModel.DataAnnotations;

namespace M365Scanner.DocumentWorker;

/// <summary>
/// The <c>DocumentWorkers</c> configuration section: whether untrusted documents (PDFs) are parsed in worker
/// processes, how many at once, and how much memory each may take. The time budget per document is
/// <c>Extraction:PdfTimeBudget</c>, the same setting as for parsing in-process.
/// </summary>
public sealed class DocumentWorkerOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "DocumentWorkers";

    /// <summary>Parse in worker processes (default). Off, PDFs are parsed in the calling process, where a hostile
    /// one can take the whole process down (a stack overflow cannot be caught in .NET).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Worker processes at most, started when first needed and reused; default
    /// max(2, <see cref="Environment.ProcessorCount"/>). Documents beyond it wait their turn, first come first
    /// served.</summary>
    [Range(1, 256)]
    public int? MaxWorkers { get; set; }

    /// <summary>Memory ceiling of each worker, in MiB (default 512): its GC heap hard limit
    /// (<c>DOTNET_GCHeapHardLimit</c>), and the resident size over which the pool kills it while it reads a
    /// document.</summary>
    [Range(128, 1024 * 1024)]
    public int MemoryLimitMiB { get; set; } = 512;

    /// <summary><see cref="MaxWorkers"/>, or its default when unset.</summary>
    public int EffectiveMaxWorkers => MaxWorkers ?? Math.Max(2, Environment.ProcessorCount);
}
