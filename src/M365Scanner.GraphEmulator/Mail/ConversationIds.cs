using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace M365Scanner.GraphEmulator.Mail;

/// <summary>Exchange groups a thread by its normalised subject; the emulator derives a stable id from it.</summary>
internal static partial class ConversationIds
{
    public static string For(string? subject)
    {
        var normalised = Prefix().Replace(subject ?? "", "").Trim().ToLowerInvariant();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalised));
        return "AAQkAG" + Convert.ToBase64String(hash, 0, 24).Replace('+', '-').Replace('/', '_');
    }

    [GeneratedRegex(@"^(\s*(re|fw|fwd|aw|wg|sv)\s*:\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();
}
