using M365Scanner.Core.Mail;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class SenderReplyToMismatchSignalTests
{
    private readonly SenderReplyToMismatchSignal _signal = new();

    [Fact]
    public void Evaluate_FiresAtFullStrength_WhenOrganisationAsksForRepliesAtFreemail()
    {
        var hit = Evaluate("billing@supplier.example", "supplier.billing@gmail.com");
        Assert.NotNull(hit);
        Assert.Equal(_signal.Weight, hit.Weight);
        Assert.Contains("from billing@supplier.example would go to supplier.billing@gmail.com", hit.Explanation);
    }

    [Fact]
    public void Evaluate_Fires_WhenOneFreemailUserWritesAndAnotherCollectsReplies() =>
        Assert.Equal(_signal.Weight * 0.75, Evaluate("lawyer.office@gmail.com", "claims.dept@outlook.com")?.Weight);

    [Fact]
    public void Evaluate_FiresWeaker_WhenRepliesGoToAnotherOrganisation() =>
        Assert.Equal(_signal.Weight * 0.5, Evaluate("ceo@partner.example", "ceo@partner-example.net")?.Weight);

    [Theory]
    [InlineData("news@partner.example", "support@help.partner.example")]    // same organisation
    [InlineData("x@partner.example", "X@Partner.example")]                  // same address
    [InlineData("news@partner.example", "bob@tenant.example")]              // the recipient itself
    [InlineData("news@partner.example", "sales@tenant.example")]            // replies stay inside the tenant
    [InlineData("news@partner.example", "")]                                // unusable
    public void Evaluate_DoesNotFire_WhenRepliesStayWithSenderOrRecipients(string from, string replyTo) =>
        Assert.Null(Evaluate(from, replyTo));

    [Fact]
    public void Evaluate_DoesNotFire_WhenReplyToIsTheListTheMessageWasSentTo()
    {
        var message = ScoringScenario.Mail("someone@university.example") with
        {
            To = [new EmailAddress("users@lists.project.example")],
            ReplyTo = [new EmailAddress("users@lists.project.example")],
        };
        Assert.Null(_signal.Evaluate(new ScoringScenario().Deliver(message)));
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenThereIsNoReplyToOrNoFrom()
    {
        Assert.Null(_signal.Evaluate(new ScoringScenario().Deliver(ScoringScenario.Mail("x@partner.example"))));
        var noFrom = ScoringScenario.Mail("x@partner.example") with { From = null, ReplyTo = [new EmailAddress("y@gmail.com")] };
        Assert.Null(_signal.Evaluate(new ScoringScenario().Deliver(noFrom)));
    }

    private Core.Scoring.SignalHit? Evaluate(string from, string replyTo) =>
        _signal.Evaluate(new ScoringScenario().Deliver(ScoringScenario.Mail(from) with { ReplyTo = [new EmailAddress(replyTo)] }));

    [Fact]
    public void Evaluate_DoesNotFire_WhenAMungedListCopysReplyToIsItsAuthor()
    {
        // Mailman's DMARC mitigation: From is the list, the author is in Reply-To. The scenario receives the list first,
        // so the graph judges the author.
        var scenario = new ScoringScenario();
        var munged = ScoringScenario.Mail("users@lists.project.example", "Jane Doe via Users") with
        {
            To = [new EmailAddress("users@lists.project.example")],
            ReplyTo = [new EmailAddress("jane.doe@university.example", "Jane Doe")],
            Headers =
            [
                new MessageHeader("List-Id", "Users <users.lists.project.example>"),
                new MessageHeader("List-Post", "<mailto:users@lists.project.example>"),
            ],
        };
        scenario.Graph.Learn(munged, scenario.Mailbox, [], ScoringScenario.Start);

        var context = scenario.Deliver(munged);

        Assert.Equal("jane.doe@university.example", context.Author?.Normalized);
        Assert.Null(_signal.Evaluate(context));
    }

    [Fact]
    public void Evaluate_Fires_WhenAMungedLookingCopyComesFromAListTheMailboxNeverReceived()
    {
        // Judged as written (the "list" address is the sender) the Reply-To is another organisation's.
        var forged = ScoringScenario.Mail("board@lists.evil.example", "CEO via Board") with
        {
            ReplyTo = [new EmailAddress("ceo.private@gmail.com")],
            Headers = [new MessageHeader("List-Id", "<board.lists.evil.example>"), new MessageHeader("List-Post", "<mailto:board@lists.evil.example>")],
        };

        Assert.NotNull(_signal.Evaluate(new ScoringScenario().Deliver(forged)));
    }
}
