using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Remediation;

namespace M365Scanner.Core.Tests.Remediation;

/// <summary>Shared helpers: links come from the real extractor, as in production, and the copy is rebuilt the way
/// the caller does it.</summary>
internal static class RemediationTestSupport
{
    /// <summary>A blocked-link page URL with an '&amp;', so the HTML tests see it escaped.</summary>
    public const string Blocked = "https://blocked.m365scanner.test/l?t=abc&u=1";

    public static readonly MessageLinkExtractor Extractor = new();
    public static readonly LinkRewriter Rewriter = new();

    /// <summary>Extracts the message's links, takes those whose URL is in <paramref name="urls"/> as offending, and
    /// rewrites them to <see cref="Blocked"/>.</summary>
    public static RewriteResult RewriteUrls(EmailMessage message, params string[] urls)
    {
        var offending = Extractor.Extract(message).Links.Where(l => urls.Contains(l.Url)).ToList();
        Assert.True(offending.Count > 0, $"none of {string.Join(", ", urls)} was extracted");
        return Rewriter.Rewrite(message, offending, _ => Blocked);
    }

    /// <summary>The copy the caller would build from the result.</summary>
    public static EmailMessage Apply(EmailMessage message, RewriteResult result)
    {
        var attachments = message.Attachments.ToArray();
        foreach (var rewritten in result.Attachments)
            attachments[rewritten.Index] = attachments[rewritten.Index] with
            {
                Content = rewritten.Content,
                Size = rewritten.Content.Length,
            };
        return message with
        {
            HtmlBody = result.HtmlBody ?? message.HtmlBody,
            TextBody = result.TextBody ?? message.TextBody,
            Attachments = attachments,
        };
    }

    public static EmailMessage Html(string html) => new() { HtmlBody = html };

    public static EmailAttachment Attachment(string name, string contentType, byte[] bytes) =>
        new(name, contentType, bytes, bytes.Length);

    public static EmailAttachment TextAttachment(string name, string contentType, string text) =>
        Attachment(name, contentType, Encoding.UTF8.GetBytes(text));

    /// <summary>(Url, Origin, Source) of every link, for comparing a message with its copy.</summary>
    public static List<(string Url, string Origin, LinkSource Source)> Summary(EmailMessage message) =>
        Extractor.Extract(message).Links.Select(l => (l.Url, l.Origin, l.Source)).ToList();
}
