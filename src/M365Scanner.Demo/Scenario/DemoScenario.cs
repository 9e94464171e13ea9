using M365Scanner.Core.Correspondence;
using MimeKit;

namespace M365Scanner.Demo.Scenario;

/// <summary>
/// The messages the demo delivers to one protected mailbox, built from its own history: two benign messages from an
/// established partner linking where they always link, the same partner's message whose PDF carries one link to a
/// domain no one has seen (their account is compromised), and a real phishing sample re-addressed to the mailbox.
/// </summary>
public sealed class DemoScenario
{
    /// <summary>The phishing sample delivered (shared/data/phishing): a credential lure whose link text shows
    /// socialsecurity.gov while the link goes to a cloud-functions host; Exchange recorded dkim=fail for it.</summary>
    public const string PhishingSample = "sample-6441.eml";

    /// <summary>The link the compromised partner's PDF carries: a never-seen domain, a path like a kit's per-victim token.</summary>
    public const string MaliciousUrl = "https://docs-viewer-secure.top/f/8Zq4Lm2xT9vKp7Wc3nR6bY1dQ5";

    private DemoScenario(string mailbox, Correspondent partner, IReadOnlyList<DemoMessage> messages)
    {
        Mailbox = mailbox;
        Partner = partner;
        Messages = messages;
    }

    public string Mailbox { get; }

    /// <summary>The established correspondent whose account the story compromises.</summary>
    public Correspondent Partner { get; }

    public IReadOnlyList<DemoMessage> Messages { get; }

    /// <summary>Builds the scenario for <paramref name="mailbox"/> from its correspondents.</summary>
    /// <exception cref="InvalidOperationException">The mailbox has no established correspondent.</exception>
    public static DemoScenario For(string mailbox, string tenantDomain, IReadOnlyList<Correspondent> correspondents, string phishingDirectory)
    {
        var partner = ChoosePartner(tenantDomain, correspondents)
            ?? throw new InvalidOperationException($"{mailbox} has no established correspondent to play the partner.");
        var owner = mailbox.Split('@')[0].Split('.')[0];
        var greeting = owner.Length == 0 ? "Hello" : $"Hi {char.ToUpperInvariant(owner[0])}{owner[1..]}";
        var url = partner.UsualUrl;
        var sign = partner.Address.DisplayName is { Length: > 0 } name && !name.Contains('@') ? name : partner.FirstName;

        DemoMessage[] messages =
        [
            Compose("benign", $"{partner.Address.Address} writes as usual, linking {Host(url)} as before", partner, mailbox,
                "Following up on this week's figures",
                $"{greeting},\n\nFollowing up on our call: the figures for this week are at\n{url}\n\nBest regards,\n{sign}\n"),
            Compose("benign", $"{partner.Address.Address} replies in the thread, no link", partner, mailbox,
                "RE: " + (partner.LatestSubject ?? "our call"),
                $"{greeting},\n\nThanks, that works for us. Let's talk on Thursday.\n\n{sign}\n"),
            Compose("compromised partner", $"{partner.Address.Address}'s account is compromised: the PDF carries one link to a never-seen domain",
                partner, mailbox, "Updated invoice 2024-117",
                $"{greeting},\n\nPlease find the updated invoice attached. The usual documents remain at {url}\n\nRegards,\n{sign}\n",
                ("invoice-2024-117.pdf", DemoPdf.Build(
                [
                    new($"{partner.Domain} - Invoice 2024-117"),
                    new("Amount due: USD 48,250.00, payable within 30 days."),
                    new("View and pay the invoice online", MaliciousUrl),
                    new("Terms and documents", url),
                ]))),
            Phishing(mailbox, Path.Combine(phishingDirectory, PhishingSample)),
        ];
        return new DemoScenario(mailbox, partner, messages);
    }

    /// <summary>An established external person who sent links (any link, then none), else any established sender.</summary>
    private static Correspondent? ChoosePartner(string tenantDomain, IReadOnlyList<Correspondent> correspondents)
    {
        bool External(Correspondent c) => c.Domain != tenantDomain && !c.Domain.EndsWith("." + tenantDomain, StringComparison.Ordinal);
        var established = correspondents.Where(c => c.IsEstablished).ToList();
        return established.Where(c => External(c) && c.LooksLikeAPerson && !FreemailDomains.Contains(c.Domain))
                   .OrderByDescending(c => c.UsualLinkDomain is not null).ThenByDescending(c => c.Messages).FirstOrDefault()
               ?? established.FirstOrDefault(External)
               ?? established.FirstOrDefault();
    }

    private static DemoMessage Phishing(string mailbox, string file)
    {
        var message = MimeMessage.Load(file);
        // Re-addressed to the mailbox; every other header, Authentication-Results included, is as Exchange received it.
        message.To.Clear();
        message.Cc.Clear();
        message.To.Add(MailboxAddress.Parse(mailbox));
        if (string.IsNullOrEmpty(message.MessageId))
            message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("phish.demo");
        return new DemoMessage("external phishing", $"real phishing sample {Path.GetFileName(file)} from {message.From.Mailboxes.FirstOrDefault()?.Address}",
            message.MessageId, Bytes(message));
    }

    private static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;

    private static DemoMessage Compose(string kind, string story, Correspondent from, string to, string subject, string text,
        (string Name, byte[] Bytes)? pdf = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(from.Address.DisplayName, from.Address.Address));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = DateTimeOffset.UtcNow;
        message.MessageId = $"demo-{Guid.NewGuid():N}@{from.Domain}";
        var body = new BodyBuilder { TextBody = text };
        if (pdf is { } attachment)
            body.Attachments.Add(attachment.Name, attachment.Bytes, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        return new DemoMessage(kind, story, message.MessageId, Bytes(message));
    }

    private static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
