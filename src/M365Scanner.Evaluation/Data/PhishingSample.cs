using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;
using M365Scanner.Evaluation.Splits;

namespace M365Scanner.Evaluation.Data;

/// <summary>One real phishing message, read and extracted once.</summary>
/// <param name="Name">File name ("sample-12.eml"): the split key.</param>
/// <param name="LinkCount">Links the product extracts from it as delivered (0: nothing a link scanner can act on).</param>
/// <param name="UrlCandidates">Links fit to be planted as "the phishing URL": see <see cref="PhishingCorpus"/>.</param>
/// <param name="LinkedPdfs">Its PDF attachments from which at least one link is extracted.</param>
public sealed record PhishingSample(
    string Name,
    string File,
    EmailMessage Message,
    Split Split,
    int LinkCount,
    IReadOnlyList<Link> UrlCandidates,
    IReadOnlyList<EmailAttachment> LinkedPdfs);
