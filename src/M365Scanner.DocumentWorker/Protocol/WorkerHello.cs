namespace M365Scanner.DocumentWorker.Protocol;

/// <summary>The first frame a worker writes, once it is ready to read documents. The pool waits for it before
/// handing over a document, so a worker's start-up never counts against a document's time budget, and a binary
/// that speaks another protocol (or is not a worker at all) is caught before any document is sent.</summary>
public static class WorkerHello
{
    /// <summary>Bumped when a frame's layout changes.</summary>
    public const byte ProtocolVersion = 1;

    private static ReadOnlySpan<byte> Magic => "M365SCANNER-DOCUMENT-WORKER"u8;

    public static void WriteTo(Stream stream) => Frames.Write(stream, [.. Magic, ProtocolVersion]);

    /// <summary>True when <paramref name="payload"/> is the hello of this protocol version.</summary>
    public static bool Matches(byte[] payload) =>
        payload.Length == Magic.Length + 1 && payload.AsSpan(0, Magic.Length).SequenceEqual(Magic) &&
        payload[^1] == ProtocolVersion;
}
