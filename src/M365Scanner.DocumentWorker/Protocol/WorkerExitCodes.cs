namespace M365Scanner.DocumentWorker.Protocol;

/// <summary>Exit codes a worker chooses. Anything else comes from the runtime or a signal: 134 (SIGABRT) for a
/// stack overflow or a fatal runtime error, 137 (SIGKILL) when the pool stopped it.</summary>
public static class WorkerExitCodes
{
    /// <summary>Its stdin ended: the parent closed the pool or died.</summary>
    public const int ParentGone = 0;

    /// <summary>A frame could not be read: the parent speaks another protocol.</summary>
    public const int ProtocolError = 2;

    /// <summary>A document made the worker run out of memory under its GC heap limit (DOTNET_GCHeapHardLimit); the
    /// pool reports it as over the memory ceiling.</summary>
    public const int OutOfMemory = 3;
}
