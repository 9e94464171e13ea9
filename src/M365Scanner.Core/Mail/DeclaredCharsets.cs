using System.Collections.Concurrent;
using System.Text;
using MimeKit;

namespace M365Scanner.Core.Mail;

/// <summary>The encoding of a part's declared charset, as MimeKit's <see cref="ContentType.CharsetEncoding"/> gives
/// it, remembered by name: MimeKit looks the name up and .NET builds a new code-page encoding on every call, which was
/// a tenth of decoding the list mail's bodies.</summary>
internal static class DeclaredCharsets
{
    // Charset names come from senders; only names that are charsets are remembered, and only so many.
    private const int MaxRemembered = 256;

    // MimeKit reads a code page from the name ("windows-0001252"), so a name as long as a header can still be a charset;
    // registered charset names are at most 40 characters.
    private const int MaxRememberedName = 64;

    private static readonly ConcurrentDictionary<string, Encoding> Known = new(StringComparer.Ordinal);

    /// <summary>The declared charset's encoding; null when none is declared or MimeKit does not know it.</summary>
    public static Encoding? Of(ContentType type)
    {
        if (type.Charset is not { } charset)
            return null;
        if (Known.TryGetValue(charset, out var known))
            return known;
        var encoding = type.CharsetEncoding;
        if (encoding is not null && charset.Length <= MaxRememberedName && Known.Count < MaxRemembered)
            Known.TryAdd(charset, encoding);
        return encoding;
    }

    /// <summary>True when <paramref name="charset"/>'s encoding is remembered.</summary>
    internal static bool Remembers(string charset) => Known.ContainsKey(charset);
}
