using System.Runtime.InteropServices;
using MimeKit;

namespace M365Scanner.Core.Mail;

/// <summary>Reads RFC 822 / MIME bytes (.eml files, message/rfc822 attachments, Graph's /$value) into an
/// <see cref="EmailMessage"/>.</summary>
public static class EmlReader
{
    // First of the fields, as static initializers run in order: creating Options builds MimeKit's charset table, which
    // probes Shift_JIS, Big5, GB2312, EUC-KR, EUC-JP and ISO-2022-JP once and keeps them unsupported for the life of the
    // process when the code-page provider is not registered yet. The call in Read alone relied on when the runtime
    // chose to initialize this class.
    private static readonly bool CharsetsRegistered = MimeCharsets.Registered;

    // Real mail is full of addresses RFC 5322 forbids ("k..allen@enron.com", unquoted commas in names);
    // reading them loosely keeps the sender and recipients instead of silently dropping them.
    // MaxMimeDepth bounds nesting that a hostile message could use to exhaust the stack.
    internal static readonly ParserOptions Options = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Looser,
        AllowUnquotedCommasInAddresses = true,
        AllowAddressesWithoutDomain = true,
        ParameterComplianceMode = RfcComplianceMode.Looser,
        Rfc2047ComplianceMode = RfcComplianceMode.Looser,
        MaxMimeDepth = 64,
    };

    /// <summary>How long MimeKit may take to parse one message's structure; ordinary mail takes milliseconds. The known
    /// way to make it slow, a header folded over very many lines, is refused before parsing
    /// (<see cref="MaxHeaderCopyBytes"/>); this bounds whatever else might be.</summary>
    public static readonly TimeSpan ParseBudget = TimeSpan.FromSeconds(5);

    /// <summary>What MimeKit may copy growing its header buffers for one message (<see cref="HeaderCopyCost"/>):
    /// Office 365's longest header costs about 0.5 MB, a 256 KB header (Exchange Online's limit for a whole header)
    /// folded at 76 characters about 0.4 GiB.</summary>
    internal const long MaxHeaderCopyBytes = 1L << 30;

    /// <summary>Parses one message from <paramref name="stream"/>.</summary>
    /// <exception cref="FormatException">The bytes are not a message: no header block could be parsed, or parsing
    /// them took longer than <see cref="ParseBudget"/> (or, read from bytes, their header fields would make MimeKit
    /// copy more than <see cref="MaxHeaderCopyBytes"/>). MimeKit is lenient about everything after the headers (a
    /// truncated body still parses).</exception>
    public static EmailMessage Read(Stream stream, CancellationToken cancellationToken = default) =>
        Read(stream, persistent: false, ParseBudget, cancellationToken);

    /// <inheritdoc cref="Read(Stream, CancellationToken)"/>
    /// <remarks>The message keeps reading <paramref name="bytes"/> after this returns (a large attachment is decoded
    /// when first wanted), so they must not change while it is in use.</remarks>
    public static EmailMessage Read(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default) =>
        Read(bytes, ParseBudget, cancellationToken);

    internal static EmailMessage Read(ReadOnlyMemory<byte> bytes, TimeSpan budget, CancellationToken cancellationToken)
    {
        // Told before parsing, from the bytes: the time budget alone let a hostile header churn gigabytes through the
        // collector, pausing every other scan, until it ran out.
        if (HeaderCopyCost.Exceeds(bytes.Span, MaxHeaderCopyBytes))
            throw new FormatException("not read: its header fields would make parsing its MIME structure copy more " +
                                      $"than {MaxHeaderCopyBytes >> 30} GiB (a header folded over very many lines)");
        // Avoid copying a large attachment just to wrap it in a stream. Visible, so that an attachment is decoded from
        // where it lies when first wanted (EmailAttachment.Content).
        var array = MemoryMarshal.TryGetArray(bytes, out var segment) ? segment : bytes.ToArray();
        using var stream = new MemoryStream(array.Array!, array.Offset, array.Count, writable: false, publiclyVisible: true);
        return Read(stream, persistent: true, budget, cancellationToken);
    }

    private static EmailMessage Read(Stream stream, bool persistent, TimeSpan budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Disposed once mapped (nothing of it is read later): MimeKit's messages, parts and contents have finalizers, so
        // one left to the collector survives its first collection with everything it references, and every collection
        // became a costly gen-1 one (half of reading a corpus was the collector's pause).
        using var mime = Parse(stream, persistent, budget, cancellationToken);
        if (mime.Headers.Count == 0)
            throw new FormatException("not a message: it has no header fields");
        return MimeMessageMapper.Map(mime);
    }

    // The budget is checked inside MimeKit's parse, at every block it reads (4 KiB).
    private static MimeMessage Parse(Stream stream, bool persistent, TimeSpan budget, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // No time at all is refused now: a timer due at once would still let a short parse finish first.
        if (budget == TimeSpan.Zero)
            deadline.Cancel();
        else
            deadline.CancelAfter(budget);
        try
        {
            return ReusedMimeParser.Parse(Options, stream, persistent, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FormatException($"not read: parsing its MIME structure took longer than {budget.TotalSeconds:0.###} s");
        }
    }
}
