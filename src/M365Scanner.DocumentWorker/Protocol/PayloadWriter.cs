using System.Runtime.InteropServices;

namespace M365Scanner.DocumentWorker.Protocol;

/// <summary>Writes the fields of a payload. Strings go as UTF-16 code units, not UTF-8, so that text a hostile
/// document produced (a lone surrogate included) crosses the process boundary unchanged: the pool must return
/// exactly what the reader found.</summary>
internal sealed class PayloadWriter
{
    private readonly MemoryStream buffer = new();
    private readonly BinaryWriter writer;

    public PayloadWriter() => writer = new BinaryWriter(buffer);

    public void Byte(byte value) => writer.Write(value);

    public void Count(int value) => writer.Write7BitEncodedInt(value);

    public void String(string value)
    {
        writer.Write7BitEncodedInt(value.Length);
        writer.Write(MemoryMarshal.AsBytes(value.AsSpan()));
    }

    public void NullableString(string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
            String(value);
    }

    public ReadOnlySpan<byte> Written
    {
        get
        {
            writer.Flush();
            return buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        }
    }
}
