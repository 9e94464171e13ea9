using System.Text;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>Opaque $skiptoken values (an offset, encoded so clients do not read meaning into it).</summary>
internal static class SkipToken
{
    public static string Encode(int offset) => Convert.ToBase64String(Encoding.ASCII.GetBytes("X'" + offset + "'")).TrimEnd('=');

    public static int Decode(string? token)
    {
        if (string.IsNullOrEmpty(token)) return 0;
        try
        {
            var padded = token.PadRight(token.Length + (4 - token.Length % 4) % 4, '=');
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(padded));
            if (text.StartsWith("X'") && text.EndsWith('\'') && int.TryParse(text[2..^1], out var n) && n >= 0) return n;
        }
        catch (FormatException) { }
        throw GraphException.BadRequest("Invalid $skiptoken.", "Directory_InvalidSkipToken");
    }
}
