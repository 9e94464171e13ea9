using System.Collections.Concurrent;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Dedicated threads for PDF parses, kept between parses. A parse runs on a thread of its own so that its caller can
/// stop waiting after the time budget while PdfPig, which cannot be cancelled, runs on; starting a thread for each PDF
/// (a long-running task) cost 0.3-1.5 ms a PDF on a loaded machine, as much as reading a typical one.
/// </summary>
/// <remarks>A parse never waits for a thread: it goes to an idle one, or a new one is started. A thread whose parse
/// was abandoned finishes it, then waits for the next. Threads are never stopped, so there are as many as parses ever
/// ran at once (callers at once, plus the abandoned parses <see cref="PdfLinkExtractor"/> allows).</remarks>
internal sealed class PdfParseThreads
{
    /// <summary>The threads of the process.</summary>
    public static readonly PdfParseThreads Shared = new();

    private readonly BlockingCollection<Parse> queued = new();

    // Threads waiting for a parse, less the parses queued for them: a parse is queued only after taking one of them.
    private int idle;
    private int started;

    internal PdfParseThreads()
    {
    }

    /// <summary>Threads started so far.</summary>
    public int Started => Volatile.Read(ref started);

    /// <summary>Starts <paramref name="parse"/> on an idle thread, or a new one; the task ends when it returns, faulted
    /// when it throws.</summary>
    public Task Run(Action parse)
    {
        var job = new Parse(parse);
        if (TryTakeIdle())
        {
            queued.Add(job);
        }
        else
        {
            Interlocked.Increment(ref started);
            // Not started with this caller's context: the thread outlives it, and each parse runs in its own caller's.
            new Thread(() => Serve(job)) { IsBackground = true, Name = "pdf parse" }.UnsafeStart();
        }
        return job.Done.Task;
    }

    private void Serve(Parse first)
    {
        for (var job = first; ; job = queued.Take())
        {
            var outcome = job.Run();
            // Idle before the caller hears of the end, so a caller that parses one PDF after another finds it idle.
            Interlocked.Increment(ref idle);
            job.Finish(outcome);
        }
    }

    private bool TryTakeIdle()
    {
        for (var count = Volatile.Read(ref idle); count > 0;)
        {
            var seen = Interlocked.CompareExchange(ref idle, count - 1, count);
            if (seen == count)
                return true;
            count = seen;
        }
        return false;
    }

    private sealed class Parse(Action parse)
    {
        // The caller's execution context (its async-locals), in which the parse runs as it would on the caller's thread.
        private readonly ExecutionContext? context = ExecutionContext.Capture();

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // What the parse threw, or null.
        public Exception? Run()
        {
            try
            {
                if (context is null)
                    parse();
                else
                    ExecutionContext.Run(context, static state => ((Action)state!)(), parse);
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }

        public void Finish(Exception? thrown)
        {
            if (thrown is null)
                Done.SetResult();
            else
                Done.SetException(thrown);
        }
    }
}
