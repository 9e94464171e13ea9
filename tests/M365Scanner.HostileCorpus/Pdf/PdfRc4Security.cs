using System.Security.Cryptography;
using System.Text;

namespace M365Scanner.HostileCorpus.Pdf;

/// <summary>
/// The PDF standard security handler, revision 2 (RC4, 40-bit; ISO 32000-1 7.6.3, algorithms 1 to 4). The oldest
/// and simplest one is enough here: what the corpus needs is a file no reader opens without the user password.
/// </summary>
public sealed class PdfRc4Security
{
    private const int Permissions = -4;

    private static readonly byte[] Padding = Convert.FromHexString(
        "28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A");

    private readonly byte[] fileKey;

    public PdfRc4Security(string userPassword, string ownerPassword, byte[] fileId)
    {
        FileId = fileId;
        var owner = Rc4(MD5.HashData(Pad(ownerPassword))[..5], Pad(userPassword));
        fileKey = MD5.HashData([.. Pad(userPassword), .. owner, .. BitConverter.GetBytes(Permissions), .. fileId])[..5];
        var user = Rc4(fileKey, Padding);
        Dictionary = $"<< /Filter /Standard /V 1 /R 2 /Length 40 /P {Permissions} " +
                     $"/O <{Convert.ToHexString(owner)}> /U <{Convert.ToHexString(user)}> >>";
    }

    public byte[] FileId { get; }

    /// <summary>The /Encrypt dictionary.</summary>
    public string Dictionary { get; }

    /// <summary>The trailer entries that point at the /Encrypt dictionary <paramref name="encryptObject"/>.</summary>
    public string TrailerEntries(int encryptObject) =>
        $"/Encrypt {PdfSource.Ref(encryptObject)} /ID [<{Convert.ToHexString(FileId)}> <{Convert.ToHexString(FileId)}>] ";

    /// <summary>A string or stream of object <paramref name="objectNumber"/> (generation 0), encrypted.</summary>
    public byte[] Encrypt(int objectNumber, byte[] data)
    {
        var n = BitConverter.GetBytes(objectNumber);
        return Rc4(MD5.HashData([.. fileKey, n[0], n[1], n[2], 0, 0])[..10], data);
    }

    /// <summary><paramref name="text"/> as an encrypted hex string of object <paramref name="objectNumber"/>.</summary>
    public string HexString(int objectNumber, string text) =>
        $"<{Convert.ToHexString(Encrypt(objectNumber, Encoding.Latin1.GetBytes(text)))}>";

    private static byte[] Pad(string password)
    {
        var bytes = Encoding.Latin1.GetBytes(password);
        return [.. bytes.Take(32), .. Padding.Take(32 - Math.Min(32, bytes.Length))];
    }

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var s = new byte[256];
        for (var i = 0; i < 256; i++)
            s[i] = (byte)i;
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
        }
        var result = new byte[data.Length];
        for (int k = 0, i = 0, j = 0; k < data.Length; k++)
        {
            i = (i + 1) & 0xFF;
            j = (j + s[i]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
            result[k] = (byte)(data[k] ^ s[(s[i] + s[j]) & 0xFF]);
        }
        return result;
    }
}
