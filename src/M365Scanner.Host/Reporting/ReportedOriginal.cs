using System.Text.RegularExpressions;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;

namespace M365Scanner.Host.Reporting;

/// <summary>
/// What a report says of the message it reports: the attached original (message/rfc822, the shape Microsoft's report
/// button and "forward as attachment" both deliver; Graph gives an Outlook item attachment as its MIME), read with the
/// product's own MIME reader and link extraction under caps, or, when nothing is attached, the report's own body read
/// as an inline forward, which the notes say. Never throws on what the report contains: what cannot be read is a note.
/// </summary>
public sealed record ReportedOriginal(string? MessageId, string? Sender, string? Subject, IReadOnlyList<string> Links, IReadOnlyList<string> Notes)
{
    /// <summary>Attachments of a report looked at for the original; a report with more is hostile or not a report.</summary>
    public const int MaxAttachments = 20;

    /// <summary>The largest attached original read (the Graph adapter's own cap on attachment bytes applies first).</summary>
    public const int MaxOriginalBytes = 25 * 1024 * 1024;

    /// <summary>Links kept on a report: enough for any real phish, and the page stays readable.</summary>
    public const int MaxLinks = 50;

    public const string Unreadable = "unreadable";

    private static readonly Regex ForwardedFrom = new(@"^\s*>?\s*From:\s*(?:.*?<)?(?<address>[^\s<>""@]+@[^\s<>""]+?)>?\s*$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    private static readonly Regex ForwardPrefix = new(@"^\s*((fw|fwd|tr|wg)\s*:\s*)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(200));

    public static ReportedOriginal Read(EmailMessage report, MessageLinkExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(extractor);
        var notes = new List<string>();
        if (report.Attachments.Count > MaxAttachments)
            notes.Add($"the report has {report.Attachments.Count} attachments; only the first {MaxAttachments} were looked at");
        var attached = report.Attachments.Take(MaxAttachments).Where(a => a.ContentType is "message/rfc822" or "message/global"
            || a.FileName.EndsWith(".eml", StringComparison.OrdinalIgnoreCase)).ToList();
        if (attached.Count == 0)
            return InlineForward(report, extractor, notes);
        if (attached.Count > 1)
            notes.Add($"the report carries {attached.Count} attached messages; the first ({attached[0].FileName}) was taken as the original");

        var original = attached[0];
        if (!original.HasContent || original.Content.Length > MaxOriginalBytes)
        {
            notes.Add($"{Unreadable}: the attached message ({original.FileName}, {original.Size} bytes) is over the size cap and was not read");
            return new ReportedOriginal(null, null, StripForward(report.Subject), [], notes);
        }
        EmailMessage message;
        try
        {
            message = EmlReader.Read(original.Content);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or IOException)
        {
            notes.Add($"{Unreadable}: the attached message ({original.FileName}) could not be read as a message: {e.Message}");
            return new ReportedOriginal(null, null, StripForward(report.Subject), [], notes);
        }
        return Describe(message, (message.From ?? message.Sender)?.Address, message.Subject, extractor, notes);
    }

    private static ReportedOriginal InlineForward(EmailMessage report, MessageLinkExtractor extractor, List<string> notes)
    {
        notes.Add("no attached message: the report's own body was read as an inline forward (its Message-ID is the report's, " +
                  "and the original sender is what its \"From:\" line says, if any)");
        var sender = report.TextBody is { } text && ForwardedFrom.Match(text) is { Success: true } m ? m.Groups["address"].Value : null;
        var described = Describe(report, sender, StripForward(report.Subject), extractor, notes);
        return described with { MessageId = null };
    }

    private static ReportedOriginal Describe(EmailMessage message, string? sender, string? subject, MessageLinkExtractor extractor, List<string> notes)
    {
        var extracted = extractor.Extract(message);
        notes.AddRange(extracted.Notes.Select(n => "original: " + n));
        var links = extracted.Links.Select(l => l.Target).Distinct(StringComparer.Ordinal).ToList();
        if (links.Count > MaxLinks)
        {
            notes.Add($"the original has {links.Count} distinct links; the first {MaxLinks} are kept");
            links = links.Take(MaxLinks).ToList();
        }
        var id = message.InternetMessageId?.Trim().TrimStart('<').TrimEnd('>');
        return new ReportedOriginal(string.IsNullOrEmpty(id) ? null : id, sender?.Trim().ToLowerInvariant(), subject, links, notes);
    }

    private static string? StripForward(string? subject) => subject is null ? null : ForwardPrefix.Replace(subject, "");
}
