using System.Runtime.InteropServices;

namespace M365Scanner.DocumentWorker.Protocol;

/// <summary>Reads what <see cref="PayloadWriter"/> wrote. Every length is checked against what is left of the
/// payload, so a corrupt frame throws <see cref="InvalidDataException"/> instead of allocating what it claims.</summary>
internal sealed class PayloadReader(byte[] payload)
{
    private int position;

    public int Remaining => payload.Length - position;

    public byte Byte()
    {
        Need(1);
        return payload[position++];
    }

    public bool Bool() => Byte() != 0;

    public int Count()
    {
        var result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = Byte();
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                return result >= 0 ? result : throw new InvalidDataException("negative count");
        }
        throw new InvalidDataException("malformed count");
    }

    public string String()
    {
        var chars = Count();
        Need((long)chars * sizeof(char));
        var value = new string(MemoryMarshal.Cast<byte, char>(payload.AsSpan(position, chars * sizeof(char))));
        position += chars * sizeof(char);
        return value;
    }

    public string? NullableString() => Bool() ? String() : null;

    /// <summary>The rest of the payload, without copying it.</summary>
    public ReadOnlyMemory<byte> Rest()
    {
        var rest = payload.AsMemory(position);
        position = payload.Length;
        return rest;
    }

    private void Need(long bytes)
    {
        if (bytes > Remaining)
            throw new InvalidDataException($"payload ends {bytes - Remaining} bytes early");
    }
}
