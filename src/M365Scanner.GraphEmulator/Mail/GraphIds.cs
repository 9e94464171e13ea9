using System.Security.Cryptography;

namespace M365Scanner.GraphEmulator.Mail;

/// <summary>Opaque ids in the style of Exchange's REST ids ("AAMkAG..."), URL-safe base64 so they sit in a path
/// without escaping. Clients must treat them as opaque, as with the real service.</summary>
internal static class GraphIds
{
    public static string NewMessageId() => "AAMkAGI" + Random(48) + "=";
    public static string NewFolderId() => "AAMkAGF" + Random(30) + "=";
    public static string NewAttachmentId() => "AAMkAGA" + Random(42) + "=";
    public static string NewChangeKey() => "CQAAABYAAA" + Random(18);

    private static string Random(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
