using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Senders;
using M365Scanner.Core.Tests.Scoring;

namespace M365Scanner.Core.Tests.Correspondence;

/// <summary>The graph judges a list copy by its author and keeps the list as the channel; a munged author is taken
/// only from a list the mailbox already receives.</summary>
public class ListAuthorJudgedTests
{
    private const string List = "dev-list@lists.example.org", Author = "jane@research.example.edu";

    private static readonly MessageHeader[] ListHeaders =
    [
        new("List-Id", "Dev list <dev-list.lists.example.org>"),
        new("List-Post", "<mailto:dev-list@lists.example.org>"),
        new("List-Unsubscribe", "<mailto:dev-list-leave@lists.example.org>"),
        new("Precedence", "list"),
    ];

    [Fact]
    public void Describe_JudgesTheMungedAuthor_OnceTheMailboxReceivesTheList()
    {
        var scenario = new ScoringScenario();
        for (var i = 0; i < 3; i++)
            Learn(scenario, Munged(i * 5));

        var sender = scenario.Graph.Describe(Munged(30), scenario.Mailbox, []).Sender;

        Assert.Equal(Author, sender.Keys?.Address);
        Assert.Equal(SenderKind.MailingList, sender.Kind);
        Assert.Equal("dev-list.lists.example.org", sender.Identity?.Channel);
        // The first copy came before the list was known, so it counted for the list; the next two for Jane.
        Assert.Equal(2, sender.ReceivedFrom?.Count);
    }

    [Fact]
    public void Describe_JudgesTheListAddress_WhenTheMailboxHasNeverReceivedTheList()
    {
        var scenario = new ScoringScenario().Received(Author, count: 5, overDays: 30);

        var sender = scenario.Graph.Describe(Munged(60), scenario.Mailbox, []).Sender;

        Assert.Equal(List, sender.Keys?.Address);
        Assert.False(sender.IsEstablished); // Jane's own history is not lent to a list this mailbox never received
    }

    [Fact]
    public void Describe_JudgesTheMungedAuthor_FromAGraphThatKnowsTheListOnlyAsASender()
    {
        // A graph learned before lists were tracked: the munged copies counted as mail from the list's address.
        var scenario = new ScoringScenario().Received(List, count: 3, overDays: 10).Received(Author, count: 3, overDays: 10);

        var sender = scenario.Graph.Describe(Munged(60), scenario.Mailbox, []).Sender;

        Assert.Equal(Author, sender.Keys?.Address);
        Assert.True(sender.IsEstablished);
    }

    private static void Learn(ScoringScenario scenario, EmailMessage message) =>
        scenario.Graph.Learn(message, scenario.Mailbox, [], message.SentAt!.Value);

    private static EmailMessage Munged(int day) => ScoringScenario.Mail(List, "Jane via Dev-list") with
    {
        ReplyTo = [new EmailAddress(Author, "Jane")],
        To = [new EmailAddress(List)],
        Headers = ListHeaders,
        SentAt = ScoringScenario.Start.AddDays(day),
    };
}
