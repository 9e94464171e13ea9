using M365Scanner.Core.Mail;
using M365Scanner.Evaluation.Data;

namespace M365Scanner.Evaluation.Tests.Data;

[Collection(ListArchiveCollection.Name)]
public class ListAuthorTests(ListArchiveFixture data)
{
    private const string List = ListCorpus.ListAddress;

    [Fact]
    public void Of_ReturnsFrom_WhenTheListLeftItAlone()
    {
        Assert.Equal("david@synopticengineering.com", ListAuthor.Of(new EmailMessage { From = new("David@SynopticEngineering.com") }, List));
    }

    [Fact]
    public void Of_ReturnsReplyTo_WhenFromIsMungedToTheList()
    {
        var munged = new EmailMessage
        {
            From = new(List, "Jane Doe via USRP-users"),
            ReplyTo = [new(List), new("Jane.Doe@Example.org")],
            Headers = [new("X-MailFrom", "bounce@example.org")],
        };
        Assert.Equal("jane.doe@example.org", ListAuthor.Of(munged, List));
    }

    [Fact]
    public void Of_FallsBackToTheEnvelopeSender_WhenAMungedMessageHasNoReplyTo()
    {
        var munged = new EmailMessage { From = new(List, "X via USRP-users"), Headers = [new("X-MailFrom", "x@example.org")] };
        Assert.Equal("x@example.org", ListAuthor.Of(munged, List));
    }

    [Fact]
    public void Of_PrefersXOriginalFrom()
    {
        var message = new EmailMessage { From = new(List), Headers = [new("X-Original-From", "Jane <jane@example.org>")] };
        Assert.Equal("jane@example.org", ListAuthor.Of(message, List));
    }

    [Fact]
    public void Archive_HasAnAuthorForEveryMessage_AndNoneIsTheList()
    {
        Assert.Equal(0, data.Unreadable);
        Assert.Equal(2620, data.Archive.Count);
        var munged = data.Archive.Where(m => m.Message.From?.Normalized == List).ToList();
        Assert.True(munged.Count > 100, $"{munged.Count} munged messages");
        Assert.All(data.Archive, m => Assert.NotEqual(List, m.Author));
        Assert.All(data.Archive, m => Assert.Contains('@', m.Author ?? ""));
    }
}
