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

    public static bool IsBulkHeader(string name)
    {
        foreach (var known in Names)
        {
            if (known.EndsWith('*')
                    ? name.StartsWith(known.AsSpan(0, known.Length - 1), StringComparison.OrdinalIgnoreCase)
                    : name.Equals(known, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
