namespace M365Scanner.Host;

/// <summary>What a configured HMAC key must be: standard base64 of at least <see cref="MinBytes"/> bytes. A shorter
/// key can be brute-forced offline from one signed value; a key that is not base64 used to start the host and then
/// fail the first request that needed it.</summary>
public static class SigningKeyFormat
{
    /// <summary>The HMAC-SHA256 block of security: 256 bits.</summary>
    public const int MinBytes = 32;

    /// <summary>The key's bytes when <paramref name="base64"/> is a valid key.</summary>
    public static bool TryDecode(string base64, out byte[] key)
    {
        key = [];
        var buffer = new byte[base64.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written) || written < MinBytes)
            return false;
        key = buffer[..written];
        return true;
    }

    /// <summary>Why <paramref name="base64"/> is not a valid key, naming <paramref name="setting"/> and never
    /// quoting the value (a secret); null when it is valid.</summary>
    public static string? Problem(string setting, string base64)
    {
        var buffer = new byte[base64.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written))
            return $"{setting} is not valid base64. Give at least {MinBytes} random bytes in base64, e.g. the output of `openssl rand -base64 {MinBytes}`.";
        return written < MinBytes
            ? $"{setting} decodes to {written} byte(s); it needs at least {MinBytes} random bytes in base64, e.g. the output of `openssl rand -base64 {MinBytes}`."
            : null;
    }
}
