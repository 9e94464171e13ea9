using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Scoring.Signals;
using M365Scanner.Core.Senders;
using M365Scanner.Core.Tests.Scoring;

namespace M365Scanner.Core.Tests.Correspondence;

/// <summary>Each sender's own rate of novelty: learned from its messages, a prior when it has few, and how much a
/// domain new for it then weighs.</summary>
public class NoveltyRateTests
{
    private const string Accountant = "accountant@partner.example", Newsletter = "editor@weekly-news.example";

    [Fact]
    public void Describe_CountsNoIntroductions_ForASenderWhoAlwaysLinksTheSameTwoDomains()
    {
        var scenario = new ScoringScenario();
        for (var i = 0; i < 20; i++)
            Learn(scenario, Accountant, i, "https://portal.partner.example/invoices", "https://bank-portal.example/pay");

        var novelty = Novelty(scenario, Accountant);

        Assert.Equal((19L, 0L), (novelty.Links, novelty.New)); // the first message with links is not counted
        Assert.True(novelty.Rate < 0.05, $"rate {novelty.Rate}");
        Assert.Equal(1.0, novelty.Surprise);
    }

    [Fact]
    public void Describe_CountsAnIntroductionPerMessage_ForASenderWhoLinksANewDomainEveryMessage()
    {
        var scenario = new ScoringScenario();
        for (var i = 0; i < 20; i++)
            Learn(scenario, Newsletter, i, $"https://story{i}.example/article", "https://weekly-news.example/");

        var novelty = Novelty(scenario, Newsletter);

        Assert.Equal((19L, 19L), (novelty.Links, novelty.New));
        Assert.True(novelty.Rate > 0.8, $"rate {novelty.Rate}");
        Assert.True(novelty.Surprise < 0.2, $"surprise {novelty.Surprise}");
    }

    [Fact]
    public void NewDomain_WeighsFullyForTheAccountant_AndLittleForTheNewsletter()
    {
        var scenario = new ScoringScenario();
        for (var i = 0; i < 20; i++)
        {
            Learn(scenario, Accountant, i, "https://portal.partner.example/invoices", "https://bank-portal.example/pay");
            Learn(scenario, Newsletter, i, $"https://story{i}.example/article", "https://weekly-news.example/");
        }
        var signal = new LinkNewForSenderSignal();

        var accountant = signal.Evaluate(scenario.LinkFrom(Accountant, ScoringScenario.Link("https://never-seen.example/x")));
        var newsletter = signal.Evaluate(scenario.LinkFrom(Newsletter, ScoringScenario.Link("https://never-seen.example/x")));

        Assert.Equal(signal.Weight, accountant?.Weight);
        Assert.NotNull(newsletter);
        Assert.True(newsletter.Weight < signal.Weight * 0.25, $"newsletter weight {newsletter.Weight}");
        Assert.Contains("19 of its 19 later message(s) with links linked somewhere new", newsletter.Explanation);
    }

    [Fact]
    public void Rate_IsThePrior_WhenNothingIsCounted()
    {
        var none = NoveltyRate.None(SenderKind.Person);

        Assert.Equal(NoveltyRate.DefaultRate, none.Rate, 6);
        Assert.Equal(1.0, none.Surprise);
    }

    [Fact]
    public void Rate_OfANewSender_FollowsItsKind()
    {
        // Bulk senders of this tenant link somewhere new in 90 of 100 messages: a bulk sender never seen is judged so.
        var fresh = new NoveltyRate(SenderKind.Bulk, 0, 0, 100, 90);
        var ownHistory = new NoveltyRate(SenderKind.Bulk, 50, 0, 100, 90);

        Assert.True(fresh.Rate > 0.7, $"rate {fresh.Rate}");
        Assert.True(ownHistory.Rate < 0.1, $"rate {ownHistory.Rate}"); // its own record outweighs its kind's
    }

    [Fact]
    public void Learn_CountsTheKindAcrossSenders()
    {
        var scenario = new ScoringScenario();
        for (var i = 0; i < 5; i++)
        {
            Learn(scenario, "a@one.example", i, $"https://a{i}.example/");
            Learn(scenario, "b@two.example", i, $"https://b{i}.example/");
        }

        var novelty = Novelty(scenario, "c@three.example");

        Assert.Equal((0L, 0L, 8L, 8L), (novelty.Links, novelty.New, novelty.KindLinks, novelty.KindNew));
    }

    [Fact]
    public void LearnAll_CreditsADomainToTheFirstMessageOfThePageThatCarriesIt()
    {
        var scenario = new ScoringScenario();
        var page = Enumerable.Range(0, 4).Select(i => new MessageToLearn(
            Mail(Accountant, i), scenario.Mailbox, [ScoringScenario.Link(i < 2 ? "https://a.example/" : "https://b.example/")],
            ScoringScenario.Start.AddDays(i))).ToList();

        scenario.Graph.LearnAll(page);

        // Message 0 is the first with links; 1 repeats a.example; 2 introduces b.example; 3 repeats it.
        var novelty = Novelty(scenario, Accountant);
        Assert.Equal((3L, 1L), (novelty.Links, novelty.New));
    }

    private static void Learn(ScoringScenario scenario, string from, int day, params string[] urls)
    {
        var message = Mail(from, day);
        scenario.Graph.Learn(message, scenario.Mailbox, [.. urls.Select(u => ScoringScenario.Link(u))], message.SentAt!.Value);
    }

    private static EmailMessage Mail(string from, int day) =>
        ScoringScenario.Mail(from) with { SentAt = ScoringScenario.Start.AddDays(day) };

    private static NoveltyRate Novelty(ScoringScenario scenario, string from) =>
        scenario.Graph.Describe(ScoringScenario.Mail(from), scenario.Mailbox, [ScoringScenario.Link("https://any.example/")]).Sender.NoveltyRate;
}
