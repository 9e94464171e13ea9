using M365Scanner.Core.Links;

namespace M365Scanner.DocumentWorker.Protocol;

/// <summary>A worker's answer to one <see cref="ParseRequest"/>: the reader's links and notes, as the reader
/// returned them in the worker.</summary>
public sealed record ParseResponse(ParseStatus Status, IReadOnlyList<FoundLink> Links, IReadOnlyList<string> Notes)
{
    /// <exception cref="IOException">The parent closed the worker's stdout.</exception>
    public void WriteTo(Stream stream)
    {
        var payload = new PayloadWriter();
        payload.Byte((byte)Status);
        payload.Count(Links.Count);
        foreach (var link in Links)
        {
            payload.String(link.Url);
            payload.NullableString(link.Text);
            payload.Byte((byte)link.Source);
            payload.String(link.Origin);
        }
        payload.Count(Notes.Count);
        foreach (var note in Notes)
            payload.String(note);
        Frames.Write(stream, payload.Written);
    }

    /// <exception cref="InvalidDataException">The payload is not a response.</exception>
    public static ParseResponse Read(byte[] payload)
    {
        var reader = new PayloadReader(payload);
        var status = (ParseStatus)reader.Byte();
        var links = new FoundLink[reader.Count()];
        for (var i = 0; i < links.Length; i++)
            links[i] = new FoundLink(reader.String(), reader.NullableString(), (LinkSource)reader.Byte(), reader.String());
        var notes = new string[reader.Count()];
        for (var i = 0; i < notes.Length; i++)
            notes[i] = reader.String();
        return new ParseResponse(status, links, notes);
    }
}
