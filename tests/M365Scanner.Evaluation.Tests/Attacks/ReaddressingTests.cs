using M365Scanner.Core.Mail;
using M365Scanner.Evaluation.Attacks;

namespace M365Scanner.Evaluation.Tests.Attacks;

public class ReaddressingTests
{
    [Fact]
    public void To_ReplacesRecipientAndDate_AndKeepsEveryOtherHeader()
    {
        var sample = new EmailMessage
        {
            From = new EmailAddress("billing@paypa1.example"),
            To = [new EmailAddress("phishing@pot")],
            SentAt = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero),
            AuthenticationResults = ["spf=fail smtp.mailfrom=paypa1.example"],
            Headers = [new("To", "phishing@pot"), new("Date", "Fri, 01 Mar 2024 00:00:00 GMT"), new("Authentication-Results", "spf=fail")],
        };
        var date = new DateTimeOffset(2001, 10, 5, 9, 30, 0, TimeSpan.Zero);

        var delivered = Readdressing.To(sample, "john.arnold@enron.com", date);

        Assert.Equal("john.arnold@enron.com", Assert.Single(delivered.To).Address);
        Assert.Equal(date, delivered.SentAt);
        Assert.Equal(sample.AuthenticationResults, delivered.AuthenticationResults);
        Assert.Equal(sample.From, delivered.From);
        Assert.Equal(["john.arnold@enron.com", "Fri, 05 Oct 2001 09:30:00 GMT", "spf=fail"], delivered.Headers.Select(h => h.Value));
    }
}
