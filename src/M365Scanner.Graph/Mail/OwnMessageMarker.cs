using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace M365Scanner.Graph.Mail;

/// <summary>
/// The value of <see cref="MessageFields.CopyOfPropertyId"/>, the marker that makes the scanner leave its own messages
/// (rewritten copies, held-message notices) unscanned. The property is a plain named string that a sender may be able
/// to get set on a delivered message (a TNEF winmail.dat's named properties, for one), so its value carries a tag only
/// this deployment computes: <c>{value}|v1.{tag}</c>, the tag being the first 128 bits, base64url, of an HMAC-SHA256
/// over the mailbox and the value, keyed with a key of this purpose alone. A marker without a tag that verifies is
/// not ours, whatever it says: the message is read as an ordinary one (and scanned), and the forgery logged.
/// </summary>
/// <remarks>The mailbox is taken as the adapter is given it (user id or UPN, compared case-insensitively), so a marker
/// is valid only in the mailbox and in the form it was written for; the host uses one form per mailbox throughout.
/// Markers written before tags existed (a bare id) do not verify either; see docs/GRAPH.md.</remarks>
public sealed class OwnMessageMarker
{
    /// <summary>What the deployment's signing key is expanded with (HKDF) to give this marker's key, so that no tag
    /// it makes is valid as a blocked-link token or consent state, or the other way round.</summary>
    public static readonly byte[] Purpose = "m365scanner/own-message-marker/v1"u8.ToArray();

    private const string Separator = "|v1.";
    private const int TagBytes = 16;
    private static readonly int TagChars = Base64Url.GetEncodedLength(TagBytes);

    private readonly byte[] _key;
    private readonly ILogger _log;

    /// <param name="key">This marker's own key (see <see cref="DerivedFrom"/>), at least 32 bytes.</param>
    public OwnMessageMarker(byte[] key, ILogger<OwnMessageMarker>? log = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
            throw new ArgumentException("The marker key needs at least 32 bytes.", nameof(key));
        _key = [.. key];
        _log = log ?? NullLogger<OwnMessageMarker>.Instance;
    }

    /// <summary>A marker with a random key of this process alone: its markers do not verify in another process or after
    /// a restart. For a host with no deployment key, and for tests.</summary>
    public static OwnMessageMarker OfThisProcess(ILogger<OwnMessageMarker>? log = null) => new(RandomNumberGenerator.GetBytes(32), log);

    /// <summary>A marker keyed with the key derived for this purpose from <paramref name="deploymentKey"/>.</summary>
    public static OwnMessageMarker DerivedFrom(ReadOnlySpan<byte> deploymentKey, ILogger<OwnMessageMarker>? log = null)
    {
        var key = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, deploymentKey, key, salt: [], info: Purpose);
        return new OwnMessageMarker(key, log);
    }

    /// <summary>The property value that marks a message of <paramref name="mailbox"/> as the scanner's own, carrying
    /// <paramref name="value"/> (the original's id, or a notice's subject).</summary>
    public string Mark(string mailbox, string value) => $"{value}{Separator}{Base64Url.EncodeToString(Tag(mailbox, value))}";

    /// <summary>The value a genuine marker carries; null when <paramref name="stored"/> is absent or not a marker this
    /// deployment wrote for <paramref name="mailbox"/>, which is logged (with the message's id, never the value) as
    /// the sign of a forgery or of a copy older than tags.</summary>
    public string? Read(string mailbox, string messageId, string? stored)
    {
        if (stored is null)
            return null;
        if (Verified(mailbox, stored) is { } value)
            return value;
        _log.LogWarning("Message {MessageId} in {Mailbox} carries the scanner's own-message marker, but not one this deployment wrote: it is read as an ordinary message",
            messageId, mailbox);
        return null;
    }

    private string? Verified(string mailbox, string stored)
    {
        var at = stored.LastIndexOf(Separator, StringComparison.Ordinal);
        if (at < 0 || stored.Length - at - Separator.Length != TagChars)
            return null;
        var tag = new byte[TagBytes];
        if (Base64Url.DecodeFromChars(stored.AsSpan(at + Separator.Length), tag, out var read, out var written) is not System.Buffers.OperationStatus.Done
            || read != TagChars || written != TagBytes)
            return null;
        var value = stored[..at];
        return CryptographicOperations.FixedTimeEquals(Tag(mailbox, value), tag) ? value : null;
    }

    private byte[] Tag(string mailbox, string value)
    {
        // Length-prefixed, so no mailbox and value pair can be shifted into another with the same bytes.
        var m = Encoding.UTF8.GetBytes(mailbox.Trim().ToLowerInvariant());
        var v = Encoding.UTF8.GetBytes(value);
        var signed = new byte[8 + m.Length + v.Length];
        BitConverter.TryWriteBytes(signed.AsSpan(0, 4), m.Length);
        m.CopyTo(signed, 4);
        BitConverter.TryWriteBytes(signed.AsSpan(4 + m.Length, 4), v.Length);
        v.CopyTo(signed, 8 + m.Length);
        return HMACSHA256.HashData(_key, signed)[..TagBytes];
    }
}
