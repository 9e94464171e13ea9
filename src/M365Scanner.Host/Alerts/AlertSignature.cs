using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace M365Scanner.Host.Alerts;

/// <summary>
/// The signature of a JSON alert, in header <see cref="Header"/>: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of
/// "&lt;t&gt;.&lt;body&gt;" keyed with the webhook's secret&gt;</c> (Stripe's scheme). The timestamp is signed with the body,
/// so a receiver that rejects old timestamps cannot be fed a captured request again later.
/// </summary>
public static class AlertSignature
{
    public const string Header = "X-M365Scanner-Signature";

    public static string Sign(string secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Convert.ToHexStringLower(Mac(secret, t, body))}";
    }

    /// <summary>What a receiver does: true when <paramref name="header"/> carries a v1 signature of
    /// <paramref name="body"/> with <paramref name="secret"/> and a timestamp within <paramref name="tolerance"/> of
    /// <paramref name="now"/>. Compared in constant time.</summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(secret);
        string? t = null;
        var signatures = new List<byte[]>();
        foreach (var part in (header ?? "").Split(','))
        {
            var (name, value) = part.IndexOf('=') is var i and > 0 ? (part[..i].Trim(), part[(i + 1)..].Trim()) : ("", "");
            if (name == "t")
                t = value;
            else if (name == "v1" && value.Length == 64 && value.All(Uri.IsHexDigit))
                signatures.Add(Convert.FromHexString(value));
        }
        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
            return false;
        var expected = Mac(secret, t!, body);
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(s, expected));
    }

    private static byte[] Mac(string secret, string t, ReadOnlySpan<byte> body)
    {
        var signed = new byte[t.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(t, signed);
        signed[t.Length] = (byte)'.';
        body.CopyTo(signed.AsSpan(t.Length + 1));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
