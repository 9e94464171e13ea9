using System.Collections.Concurrent;
using M365Scanner.DocumentWorker.Protocol;

namespace M365Scanner.DocumentWorker.Worker;

/// <summary>
/// Reads request frames from stdin on a thread of its own, even while a document is being parsed. That is how a
/// worker never outlives its parent: when the parent exits, is killed or closes the pool, the pipe's last writer
/// is gone and stdin ends, and this thread ends the process at once, whatever the parse thread is doing (a parse
/// stuck in a loop would never come back to read).
/// </summary>
internal sealed class RequestReader
{
    private readonly Stream input;
    private readonly BlockingCollection<byte[]> requests = new(boundedCapacity: 1);

    public RequestReader(Stream input) => this.input = input;

    public void Start() => new Thread(ReadAll) { IsBackground = true, Name = "stdin reader" }.Start();

    /// <summary>The next request's payload; blocks until one arrives.</summary>
    public byte[] Next() => requests.Take();

    private void ReadAll()
    {
        try
        {
            while (Frames.Read(input, Array.MaxLength) is { } payload)
                requests.Add(payload);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            Console.Error.WriteLine($"document worker: unreadable request, exiting: {e.Message}");
            Environment.Exit(WorkerExitCodes.ProtocolError);
        }
        Environment.Exit(WorkerExitCodes.ParentGone);
    }
}
