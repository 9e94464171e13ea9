using System.Text;

namespace M365Scanner.Core.Links.Unwrapping;

/// <summary>Decodes the base64 text some wrappers carry their destination in (Bing's "a1..." parameter, Sophos's
/// "u="), in either alphabet and with or without padding.</summary>
internal static class Base64Url
{
    /// <summary>The UTF-8 text <paramref name="encoded"/> decodes to, or null when it is not base64 of valid UTF-8.</summary>
    public static string? DecodeText(string encoded)
    {
        var trimmed = encoded.TrimEnd('=');
        if (trimmed.Length == 0 || trimmed.Length % 4 == 1 || trimmed.Length > 16_384)
            return null;
        var text = new StringBuilder(trimmed.Length + 3);
        foreach (var c in trimmed)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '+' or '/'))
                return null;
            text.Append(c switch { '-' => '+', '_' => '/', _ => c });
        }
        text.Append('=', (4 - trimmed.Length % 4) % 4);
        var bytes = new byte[trimmed.Length];
        if (!Convert.TryFromBase64String(text.ToString(), bytes, out var written) || !System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(0, written)))
            return null;
        return Encoding.UTF8.GetString(bytes, 0, written);
    }
}
