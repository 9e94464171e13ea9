using System.Text.Json;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.DocumentWorker.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace M365Scanner.DocumentWorker.Pool;

/// <summary>
/// Reads PDFs in separate worker processes (<see cref="Worker.WorkerProgram"/>), so that no PDF can take the calling
/// process down: a stack overflow, a runaway allocation or an endless parse costs one worker, which is replaced, and
/// the document gets a note (<see cref="WorkerNotes"/>) instead of links.
/// </summary>
/// <remarks>
/// <para>At most <see cref="DocumentWorkerOptions.EffectiveMaxWorkers"/> workers, started when first needed and
/// reused. A document waits for a free worker in one first-come, first-served queue (waiting does not count against
/// its time budget), then has <see cref="ExtractionLimits.PdfTimeBudget"/> from the moment it is handed over; a slow
/// document holds one worker, never more, and never makes another document be skipped.</para>
/// <para>Each worker runs under a GC heap hard limit of <see cref="DocumentWorkerOptions.MemoryLimitMiB"/> and is
/// killed when its resident memory passes that ceiling while it reads.</para>
/// <para>A worker whose stdin ends (this process exited or was killed, or the pool was disposed) exits at once,
/// even mid-document, so workers do not outlive their parent.</para>
/// <para>Thread-safe. Dispose kills every worker.</para>
/// </remarks>
public sealed class PdfWorkerPool : IPdfLinkReader, IDisposable
{
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly WorkerLauncher launcher;
    private readonly WorkerSlots slots;
    private readonly ILogger logger;
    private readonly ExtractionLimits limits;
    private readonly TimeSpan budget;
    private readonly int memoryLimitMiB;
    private readonly string limitsJson;
    private readonly IReadOnlyDictionary<string, string> extraEnvironment;
    private readonly TimeSpan pollInterval;
    private readonly Lock gate = new();
    private readonly HashSet<WorkerProcess> running = [];
    private int inFlight;
    private int started;
    private volatile bool disposed;

    /// <param name="options">Pool size and memory ceiling (<see cref="DocumentWorkerOptions.Enabled"/> is the
    /// caller's to check).</param>
    /// <param name="limits">Sent to the worker with each document, and the time budget per document.</param>
    /// <param name="logger">Where lost workers are reported (warnings).</param>
    /// <exception cref="ArgumentNullException">When <paramref name="options"/> or <paramref name="limits"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the options are out of their documented ranges.</exception>
    /// <exception cref="FileNotFoundException">When the worker cannot be located (see <see cref="WorkerLauncher"/>):
    /// a deployment error, reported at start rather than on the first PDF.</exception>
    public PdfWorkerPool(DocumentWorkerOptions options, ExtractionLimits limits, ILogger? logger = null)
        : this(options, limits, logger, new Dictionary<string, string>(), DefaultPollInterval)
    {
    }

    // Tests pass environment variables to the workers (their fault switch) and may poll faster.
    internal PdfWorkerPool(DocumentWorkerOptions options, ExtractionLimits limits, ILogger? logger,
        IReadOnlyDictionary<string, string> extraEnvironment, TimeSpan pollInterval)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EffectiveMaxWorkers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MemoryLimitMiB, 1);
        launcher = WorkerLauncher.Locate();
        slots = new WorkerSlots(options.EffectiveMaxWorkers);
        MaxWorkers = options.EffectiveMaxWorkers;
        memoryLimitMiB = options.MemoryLimitMiB;
        this.limits = limits;
        budget = limits.PdfTimeBudget;
        limitsJson = JsonSerializer.Serialize(limits);
        this.logger = logger ?? NullLogger.Instance;
        this.extraEnvironment = extraEnvironment;
        this.pollInterval = pollInterval;
    }

    /// <summary>True when a worker can be started from this application: its dll, runtimeconfig.json and a dotnet
    /// muxer (or its apphost) were found. For checking a deployment at start-up.</summary>
    /// <param name="reason">Why not, when false.</param>
    public static bool CanLocateWorker(out string reason)
    {
        try
        {
            WorkerLauncher.Locate();
            reason = "";
            return true;
        }
        catch (FileNotFoundException e)
        {
            reason = e.Message;
            return false;
        }
    }

    /// <summary>The most worker processes this pool runs at once.</summary>
    public int MaxWorkers { get; }

    /// <summary>Documents handed to a worker and not yet answered.</summary>
    internal int DocumentsInFlight => Volatile.Read(ref inFlight);

    /// <summary>Worker processes started so far, replacements included.</summary>
    internal int WorkersStarted => Volatile.Read(ref started);

    private long CeilingBytes => memoryLimitMiB * 1024L * 1024L;

    /// <summary>Reads the PDF in a worker. Blocks while every worker is busy, then for at most the time budget.</summary>
    /// <returns>The links the worker found; none when the worker was lost (then <paramref name="notes"/> gets one of
    /// the <see cref="WorkerNotes"/> forms).</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ObjectDisposedException">When the pool is, or gets, disposed before the answer: the
    /// document was not read, and saying so as a note would make it look unreadable.</exception>
    public IReadOnlyList<FoundLink> Extract(ReadOnlyMemory<byte> pdf, string attachmentOrigin, ICollection<string> notes,
        IReadOnlyList<string> passwords)
    {
        ArgumentNullException.ThrowIfNull(attachmentOrigin);
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(passwords);

        var worker = slots.Acquire();
        var keep = false;
        try
        {
            worker = Running(worker, attachmentOrigin, notes);
            if (worker is null)
                return [];

            var answer = ReadIn(worker, new ParseRequest(DocumentKind.Pdf, attachmentOrigin, limits, passwords, pdf));
            if (answer.Response is { } response)
            {
                keep = answer.WorkerReusable && !disposed;
                foreach (var note in response.Notes)
                    notes.Add(note);
                return response.Links;
            }
            ObjectDisposedException.ThrowIf(disposed, this);
            var lost = Note(answer, attachmentOrigin);
            logger.LogWarning("Document worker {WorkerId} lost reading {Attachment}: {Note}; peak resident {PeakMiB} MiB; stderr: {Stderr}",
                worker.Id, attachmentOrigin, lost, answer.PeakResidentBytes / (1024 * 1024), answer.Stderr);
            notes.Add(lost);
            return [];
        }
        finally
        {
            if (!keep)
                Forget(worker);
            slots.Release(keep ? worker : null);
        }
    }

    /// <summary>Kills every worker. Documents in flight and waiting get <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        foreach (var idle in slots.Close())
            Forget(idle);
        lock (gate)
        {
            foreach (var worker in running)
                worker.Kill(); // the one reading it disposes it
        }
    }

    // The leased worker if it is still running; otherwise a new one, or null (and a note) when none would start.
    private WorkerProcess? Running(WorkerProcess? leased, string attachmentOrigin, ICollection<string> notes)
    {
        if (leased is not null && !leased.HasExited)
            return leased;
        Forget(leased);
        try
        {
            return StartWorker();
        }
        catch (WorkerStartException e)
        {
            logger.LogError(e, "Document worker could not be started ({CommandLine}): {Reason}", launcher.CommandLine, e.Message);
            notes.Add(e.ExitCode is { } code
                ? WorkerNotes.Died(attachmentOrigin, code)
                : WorkerNotes.NotStarted(attachmentOrigin, e.Message));
            return null;
        }
    }

    private WorkerAnswer ReadIn(WorkerProcess worker, ParseRequest request)
    {
        Interlocked.Increment(ref inFlight);
        try
        {
            return worker.Read(request, limitsJson, budget, CeilingBytes);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private WorkerProcess StartWorker()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var worker = WorkerProcess.Start(launcher.StartInfo(CeilingBytes, extraEnvironment), ReadyTimeout, pollInterval);
        Interlocked.Increment(ref started);
        lock (gate)
        {
            running.Add(worker);
            if (!disposed)
                return worker;
        }
        Forget(worker);
        throw new ObjectDisposedException(nameof(PdfWorkerPool));
    }

    private void Forget(WorkerProcess? worker)
    {
        if (worker is null)
            return;
        lock (gate)
            running.Remove(worker);
        worker.Dispose();
    }

    private string Note(WorkerAnswer answer, string attachmentOrigin) => answer.Loss switch
    {
        WorkerLoss.OverTime => WorkerNotes.OverTime(attachmentOrigin, budget),
        WorkerLoss.OverMemory => WorkerNotes.OverMemory(attachmentOrigin, memoryLimitMiB),
        WorkerLoss.OutOfProtocol => WorkerNotes.OutOfProtocol(attachmentOrigin, "not a parse response"),
        _ => WorkerNotes.Died(attachmentOrigin, answer.ExitCode ?? -1),
    };
}
