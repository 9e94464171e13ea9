using System.Text;

namespace M365Scanner.HostileCorpus.Pdf;

/// <summary>
/// Writes a PDF object by object, with a classic cross-reference table whose offsets are exact. Hostile documents
/// need structures no PDF library will write (an object that is only a reference to another, a page tree that loops),
/// so every object body is given as PDF source.
/// </summary>
/// <remarks>Objects are numbered from 1 in the order they are reserved; a number may be reserved before its body is
/// known, which is how cycles and forward references are made.</remarks>
public sealed class PdfWriter
{
    private readonly List<byte[]?> bodies = [];

    /// <summary>A new object number whose body is given later with <see cref="Set"/> or <see cref="SetStream"/>.</summary>
    public int Reserve()
    {
        bodies.Add(null);
        return bodies.Count;
    }

    /// <summary>Adds an object whose body is <paramref name="source"/> (a dictionary, an array, a reference...).</summary>
    public int Add(string source)
    {
        var number = Reserve();
        Set(number, source);
        return number;
    }

    /// <summary>Adds a stream object; <paramref name="entries"/> are its dictionary's entries other than /Length.</summary>
    public int AddStream(string entries, byte[] data)
    {
        var number = Reserve();
        SetStream(number, entries, data);
        return number;
    }

    public void Set(int number, string source) => bodies[number - 1] = Latin1(source);

    public void SetStream(int number, string entries, byte[] data) =>
        bodies[number - 1] = [.. Latin1($"<< {entries} /Length {data.Length} >>\nstream\n"), .. data, .. "\nendstream"u8];

    /// <summary>The whole file: header, objects, cross-reference table and trailer.</summary>
    /// <param name="root">The catalog's object number.</param>
    /// <param name="trailerEntries">More trailer entries, e.g. /Encrypt and /ID.</param>
    /// <exception cref="InvalidOperationException">An object was reserved and never given a body.</exception>
    public byte[] ToBytes(int root, string trailerEntries = "")
    {
        using var output = new MemoryStream();
        // The binary comment line tells transfer tools the file is not text, as real writers do.
        output.Write(Latin1("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        var offsets = new long[bodies.Count];
        for (var i = 0; i < bodies.Count; i++)
        {
            var body = bodies[i] ?? throw new InvalidOperationException($"object {i + 1} was reserved but never set");
            offsets[i] = output.Position;
            output.Write(Latin1($"{i + 1} 0 obj\n"));
            output.Write(body);
            output.Write("\nendobj\n"u8);
        }

        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {bodies.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            table.Append($"{offset:D10} 00000 n \n");
        table.Append($"trailer\n<< /Size {bodies.Count + 1} /Root {root} 0 R {trailerEntries}>>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Latin1(table.ToString()));
        return output.ToArray();
    }

    private static byte[] Latin1(string s) => Encoding.Latin1.GetBytes(s);
}
