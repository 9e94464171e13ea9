using System.Globalization;
using System.Text;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>State of a delta round, carried in $skiptoken / $deltatoken. A round reports changes with mailbox sequence
/// in (Since, UpTo]; Cursor is the last sequence already returned within the round. Opaque to clients.</summary>
internal sealed record DeltaToken(string FolderId, long Since, long UpTo, long Cursor)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('|', FolderId, Since, UpTo, Cursor)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static DeltaToken Decode(string token)
    {
        try
        {
            var b64 = token.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Split('|');
            if (parts.Length == 4)
                return new DeltaToken(parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture),
                    long.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is FormatException or OverflowException) { }
        throw new GraphException(400, "ErrorInvalidSyncStateData", "The sync state data is corrupt or otherwise invalid.");
    }
}
