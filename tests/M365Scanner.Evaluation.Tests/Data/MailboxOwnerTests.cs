using M365Scanner.Core.Mail;
using M365Scanner.Evaluation.Data;

namespace M365Scanner.Evaluation.Tests.Data;

public class MailboxOwnerTests
{
    [Fact]
    public void Detect_ReturnsMostFrequentToAddress_Normalised()
    {
        Assert.Equal("john.arnold@enron.com", MailboxOwner.Detect(
        [
            To("John.Arnold@enron.com"),
            To("john.arnold@enron.com", "list@enron.com"),
            To("list@enron.com"),
            To("john.arnold@enron.com"),
        ]));
    }

    [Fact]
    public void Detect_IgnoresCc_WhereListsAndColleaguesDominate()
    {
        var cc = new EmailMessage { To = [new("owner@enron.com")], Cc = [new("boss@enron.com")] };
        var ccOnly = new EmailMessage { Cc = [new("boss@enron.com")] };
        Assert.Equal("owner@enron.com", MailboxOwner.Detect([cc, ccOnly, ccOnly]));
    }

    [Fact]
    public void Detect_CountsAnAddressOncePerMessage()
    {
        Assert.Equal("b@enron.com", MailboxOwner.Detect([To("a@enron.com", "a@enron.com", "b@enron.com"), To("b@enron.com")]));
    }

    [Fact]
    public void Detect_BreaksTiesAlphabetically()
    {
        Assert.Equal("a@enron.com", MailboxOwner.Detect([To("b@enron.com"), To("a@enron.com")]));
    }

    [Fact]
    public void Detect_ReturnsNull_WhenNoMessageHasAToAddress()
    {
        Assert.Null(MailboxOwner.Detect([new EmailMessage(), To("undisclosed-recipients")]));
    }

    private static EmailMessage To(params string[] addresses) => new() { To = [.. addresses.Select(a => new EmailAddress(a))] };
}
