using System.Text.Json;
using M365Scanner.Core.Links;

namespace M365Scanner.DocumentWorker.Protocol;

/// <summary>One document for a worker to read.</summary>
/// <param name="Kind">Which reader; the first byte of the payload.</param>
/// <param name="AttachmentOrigin">The attachment's origin; links' origins extend it.</param>
/// <param name="Limits">The caller's extraction limits, sent whole (as JSON) so that a limit added later reaches
/// the worker without a protocol change. The worker ignores the time budget: its parent enforces time.</param>
/// <param name="Passwords">Passwords to try on an encrypted document.</param>
/// <param name="Document">The document's bytes.</param>
public sealed record ParseRequest(DocumentKind Kind, string AttachmentOrigin, ExtractionLimits Limits,
    IReadOnlyList<string> Passwords, ReadOnlyMemory<byte> Document)
{
    /// <summary>Writes the request as one frame, the document straight from its buffer.</summary>
    /// <exception cref="IOException">The worker closed its stdin (it died).</exception>
    public void WriteTo(Stream stream) => WriteTo(stream, JsonSerializer.Serialize(Limits));

    /// <summary>As <see cref="WriteTo(Stream)"/> with the limits already serialised (they rarely change, so the pool
    /// serialises them once).</summary>
    internal void WriteTo(Stream stream, string limitsJson)
    {
        var head = new PayloadWriter();
        head.Byte((byte)Kind);
        head.String(AttachmentOrigin);
        head.String(limitsJson);
        head.Count(Passwords.Count);
        foreach (var password in Passwords)
            head.String(password);
        Frames.Write(stream, head.Written, Document.Span);
    }

    /// <summary>Reads a request from a frame's payload; the document is a slice of it, not a copy.</summary>
    /// <exception cref="InvalidDataException">The payload is not a request.</exception>
    public static ParseRequest Read(byte[] payload)
    {
        var reader = new PayloadReader(payload);
        var kind = (DocumentKind)reader.Byte();
        var origin = reader.String();
        ExtractionLimits limits;
        try
        {
            limits = JsonSerializer.Deserialize<ExtractionLimits>(reader.String()) ?? ExtractionLimits.Default;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"unreadable extraction limits: {e.Message}", e);
        }
        var passwords = new string[reader.Count()];
        for (var i = 0; i < passwords.Length; i++)
            passwords[i] = reader.String();
        return new ParseRequest(kind, origin, limits, passwords, reader.Rest());
    }
}
