using System.Security.Cryptography;
using System.Text;

namespace M365Scanner.Host.Scanning;

/// <summary>Compares a notification's clientState with the subscription's secret in constant time, so the
/// comparison leaks nothing about how much of a forged value was right.</summary>
public static class ClientStateCheck
{
    public static bool Matches(string expected, string? received) =>
        received is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(received));

    /// <summary>A new per-subscription secret (Graph allows up to 128 characters).</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
}
