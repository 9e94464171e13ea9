using M365Scanner.Core.Mail;

namespace M365Scanner.Evaluation.Attacks;

/// <summary>Delivers a phishing sample to another mailbox at another time: To and the date change (model and
/// header list alike); every other header, Authentication-Results included, is kept as received.</summary>
public static class Readdressing
{
    public static EmailMessage To(EmailMessage message, string mailbox, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(message);
        var recipient = new EmailAddress(mailbox);
        var dateValue = date.ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        return message with
        {
            To = [recipient],
            SentAt = date,
            ReceivedAt = null,
            Headers = [.. message.Headers.Select(h =>
                h.Name.Equals("To", StringComparison.OrdinalIgnoreCase) ? h with { Value = mailbox } :
                h.Name.Equals("Date", StringComparison.OrdinalIgnoreCase) ? h with { Value = dateValue } : h)],
        };
    }
}
