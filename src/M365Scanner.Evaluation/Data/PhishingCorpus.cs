using System.Collections.Concurrent;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Domains;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Evaluation.Attacks;
using M365Scanner.Evaluation.Splits;

namespace M365Scanner.Evaluation.Data;

/// <summary>
/// Reads phishing/*.eml and finds in each what an attacker would plant: a candidate phishing URL is a Web link a
/// reader clicks (anchor, image-map area, form action, PDF link annotation), that is not rendering infrastructure
/// (<see cref="InfrastructureDomains"/>) and not on the sender's own registrable domain (phishing often links the
/// spoofed brand's real site, which would be a benign link in disguise).
/// </summary>
public static class PhishingCorpus
{
    private static readonly LinkSource[] ClickedSources =
        [LinkSource.Anchor, LinkSource.Area, LinkSource.FormAction, LinkSource.PdfAnnotation];

    /// <summary>Reads and extracts every sample in parallel; unreadable files are counted in
    /// <paramref name="unreadable"/> and skipped.</summary>
    public static IReadOnlyList<PhishingSample> Load(string dataRoot, MessageLinkExtractor extractor, out int unreadable)
    {
        var files = Directory.GetFiles(Path.Combine(dataRoot, "phishing"), "*.eml");
        var samples = new ConcurrentBag<PhishingSample>();
        var failed = 0;
        Parallel.ForEach(files, file =>
        {
            if (EnronCorpus.TryRead(file) is { } message)
                samples.Add(Describe(Path.GetFileName(file), Path.GetRelativePath(dataRoot, file), message, extractor));
            else
                Interlocked.Increment(ref failed);
        });
        unreadable = failed;
        return [.. samples.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    private static PhishingSample Describe(string name, string file, EmailMessage message, MessageLinkExtractor extractor)
    {
        var links = extractor.Extract(message).Links;
        // A PDF is plantable when it yields links on its own: the extractor also tries passwords printed in the
        // sample's body, which a planted copy does not carry, so a password-protected PDF would be read here only.
        var pdfs = message.Attachments
            .Where(a => AttachmentClassifier.Classify(a) == AttachmentKind.Pdf)
            .Where(a => links.Any(l => IsFrom(l, a.FileName)))
            .Where(a => extractor.Extract(new EmailMessage { Attachments = [a] }).Links.Count > 0)
            .ToList();
        var senderDomain = SenderDomain(message);
        return new PhishingSample(name, file, message, SplitAssignment.Of(name), links.Count,
            [.. links.Where(l => IsCandidate(l, senderDomain) && SurvivesAsText(l, extractor))], pdfs);
    }

    /// <summary>Whether <paramref name="link"/> was found in the attachment named <paramref name="fileName"/>
    /// (at the top level of the message).</summary>
    public static bool IsFrom(Link link, string fileName)
    {
        var origin = LinkOrigin.Attachment(fileName);
        return link.Origin == origin || link.Origin.StartsWith(origin + "/", StringComparison.Ordinal);
    }

    internal static bool IsCandidate(Link link, string? senderDomain) =>
        link.Kind == LinkKind.Web &&
        ClickedSources.Contains(link.Source) &&
        !InfrastructureDomains.Contains(link.Host) &&
        (senderDomain is null || !string.Equals(link.RegistrableDomain, senderDomain, StringComparison.OrdinalIgnoreCase));

    // A planted URL is written as plain text too (Enron bodies are plain text): keep only URLs that read back to
    // the same destination from a text body. Drops hrefs with spaces, line breaks or template junk, which an
    // attacker writing a sentence would not paste.
    private static bool SurvivesAsText(Link link, MessageLinkExtractor extractor) =>
        !link.Url.Any(char.IsWhiteSpace) &&
        extractor.Extract(new EmailMessage { TextBody = LinkInjection.IntoText("", link.Url) })
            .Links.Any(l => l.Url == link.Url && l.Target == link.Target);

    private static string? SenderDomain(EmailMessage message)
    {
        var domain = (message.From ?? message.Sender)?.Domain;
        return string.IsNullOrEmpty(domain) ? null : PublicSuffixList.Default.GetRegistrableDomain(domain) ?? domain;
    }
}
