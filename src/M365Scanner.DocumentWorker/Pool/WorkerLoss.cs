namespace M365Scanner.DocumentWorker.Pool;

/// <summary>Why a worker gave no answer for a document.</summary>
internal enum WorkerLoss
{
    /// <summary>It exited on its own (a crash such as a stack overflow: exit code 134).</summary>
    Died,

    /// <summary>The pool killed it when the document's time budget ran out.</summary>
    OverTime,

    /// <summary>The pool killed it over the memory ceiling, or it ran out of its GC heap limit.</summary>
    OverMemory,

    /// <summary>It wrote something that is not a response; the pool killed it.</summary>
    OutOfProtocol,

    /// <summary>The pool was disposed while the document was in flight.</summary>
    Shutdown,
}
