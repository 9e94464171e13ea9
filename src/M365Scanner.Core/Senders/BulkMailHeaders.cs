namespace M365Scanner.Core.Senders;

/// <summary>
/// Header fields that e-mail service providers and marketing platforms add to the mail they send, and no person's
/// mail client does: their presence says a message is bulk mail. Named data, not scattered literals; extend it here.
/// A name ending in '*' matches every field that starts with it.
/// </summary>
public static class BulkMailHeaders
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "Feedback-ID",          // Gmail's feedback loop id, set by bulk senders and ESPs
        "X-Mailgun-*",          // Mailgun
        "X-SG-EID", "X-SG-ID",  // SendGrid
        "X-MC-User",            // Mailchimp
        "X-Mandrill-User",      // Mailchimp Transactional
        "X-Campaign*",          // X-Campaign, X-CampaignID, X-Campaign-Id: many platforms
        "X-Mailjet-*",          // Mailjet
        "X-SES-Outgoing",       // Amazon SES
        "X-CSA-Complaints",     // Certified Senders Alliance members
        "X-Sfmc-*",             // Salesforce Marketing Cloud
        "X-Marketo-*", "X-MarketoID", // Marketo
        "X-HubSpot-*",          // HubSpot
        "X-Sendinblue-*", "X-Mailin-*", // Brevo (Sendinblue)
        "X-Klaviyo-*",          // Klaviyo
        "X-PM-Message-Id",      // Postmark
        "X-Msys-Api",           // SparkPost
        "X-Newsletter*",
        "X-Mailer-RecptId",     // Salesforce
        "X-rpcampaign",         // Return Path certified senders
    ];

    private static readonly HashSet<string> Exact = new(Names.Where(n => !n.EndsWith('*')), StringComparer.OrdinalIgnoreCase);
    private static readonly string[] Prefixes = [.. Names.Where(n => n.EndsWith('*')).Select(n => n[..^1])];

    public static bool IsBulkHeader(string name)
    {
        // Every entry starts with "X-" or "F": most of a message's fields are ruled out by their first letter.
        if (name.Length < 2 || (name[0] | 0x20) is not ('x' or 'f'))
            return false;
        if (Exact.Contains(name))
            return true;
        foreach (var prefix in Prefixes)
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }
}
