using M365Scanner.Core.Links;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Scoring;
using M365Scanner.Core.Tests.Scoring;

namespace M365Scanner.Core.Tests.Policy;

public class PolicyEngineTests
{
    private static readonly Link Good = ScoringScenario.Link("https://good.example/");
    private static readonly Link Bad = ScoringScenario.Link("https://bad.example/login");

    private const string Gap = "pdf could not be read: invoice.pdf: encrypted";

    private static ActionPlan Decide(PolicyOptions options, double good, double bad, bool establishedSender = false, string from = "x@partner.example",
        params string[] gaps)
    {
        var scenario = new ScoringScenario();
        if (establishedSender)
            scenario.Sent(from);
        var context = scenario.Deliver(ScoringScenario.Mail(from), Good, Bad);
        var score = new MessageScore(Math.Max(good, bad), [new LinkVerdict(Good, good, []), new LinkVerdict(Bad, bad, [])], []);
        return new PolicyEngine(options).Decide(score, context, gaps);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decide_QuarantinesByDefault_WhenPartOfTheMessageCouldNotBeRead(bool establishedSender)
    {
        var plan = Decide(new PolicyOptions(), 0.1, 0.2, establishedSender, gaps: Gap);
        Assert.Equal(MessageAction.Quarantine, plan.Action);
        Assert.Contains(Gap, plan.Explanation);
        Assert.Contains(establishedSender ? "established correspondent" : "does not correspond with", plan.Explanation);
    }

    [Fact]
    public void Decide_KeepsTheLinkPlanAndNamesTheGap_WhenPolicyAllowsUnreadableContentFromEstablishedSenders()
    {
        var options = new PolicyOptions { UnreadableFromEstablishedSender = UnreadableContentAction.Allow };
        var plan = Decide(options, 0.1, 0.7, establishedSender: true, gaps: Gap);
        Assert.Equal(MessageAction.Rewrite, plan.Action);
        Assert.Equal([Bad], plan.OffendingLinks);
        Assert.Contains(Gap, plan.Explanation);
        Assert.Equal(MessageAction.Quarantine, Decide(options, 0.1, 0.2, establishedSender: false, gaps: Gap).Action);
    }

    [Fact]
    public void Decide_KeepsOffendingLinks_WhenFailSafeQuarantines() =>
        Assert.Equal([Bad], Decide(new PolicyOptions(), 0.1, 0.7, gaps: Gap).OffendingLinks);

    [Fact]
    public void Decide_AllowsAndNamesTheGap_WhenSenderIsAllowListedDespiteAGap()
    {
        var plan = Decide(new PolicyOptions { AllowSenders = ["@partner.example"] }, 0.1, 0.2, gaps: Gap);
        Assert.Equal(MessageAction.Allow, plan.Action);
        Assert.Contains(Gap, plan.Explanation);
    }

    [Fact]
    public void Decide_RecordsButDoesNotEnforceTheFailSafe_InReportOnlyMode()
    {
        var plan = Decide(new PolicyOptions { Mode = PolicyMode.ReportOnly }, 0.1, 0.2, gaps: Gap);
        Assert.Equal(MessageAction.Quarantine, plan.Action);
        Assert.False(plan.Enforced);
    }

    [Fact]
    public void Decide_Allows_WhenNoLinkReachesRewriteThreshold()
    {
        var plan = Decide(new PolicyOptions(), 0.1, 0.49);
        Assert.Equal(MessageAction.Allow, plan.Action);
        Assert.Empty(plan.OffendingLinks);
        Assert.Contains("0.49", plan.Explanation);
    }

    [Fact]
    public void Decide_RewritesOnlyTheOffendingLink_WhenOneLinkReachesThreshold()
    {
        var plan = Decide(new PolicyOptions(), 0.1, 0.7);
        Assert.Equal(MessageAction.Rewrite, plan.Action);
        Assert.Equal([Bad], plan.OffendingLinks);
    }

    [Fact]
    public void Decide_Quarantines_WhenScoreReachesQuarantineThresholdFromNewSender()
    {
        var plan = Decide(new PolicyOptions(), 0.1, 0.95);
        Assert.Equal(MessageAction.Quarantine, plan.Action);
        Assert.Contains("not an established correspondent", plan.Explanation);
    }

    [Fact]
    public void Decide_RewritesInsteadOfQuarantine_WhenSenderIsEstablished()
    {
        var plan = Decide(new PolicyOptions(), 0.1, 0.95, establishedSender: true);
        Assert.Equal(MessageAction.Rewrite, plan.Action);
        Assert.Equal([Bad], plan.OffendingLinks);
        Assert.Contains("established correspondent", plan.Explanation);
    }

    [Fact]
    public void Decide_Quarantines_WhenPolicyAllowsQuarantiningEstablishedSenders() =>
        Assert.Equal(MessageAction.Quarantine,
            Decide(new PolicyOptions { QuarantineEstablishedSenders = true }, 0.1, 0.95, establishedSender: true).Action);

    [Fact]
    public void Decide_LeavesAllowListedDomain_WhenItScoresHigh()
    {
        var plan = Decide(new PolicyOptions { AllowDomains = ["bad.example"] }, 0.1, 0.95);
        Assert.Equal(MessageAction.Allow, plan.Action);
    }

    [Theory]
    [InlineData("x@partner.example")]
    [InlineData("@partner.example")]
    [InlineData("X@PARTNER.EXAMPLE")]
    public void Decide_Allows_WhenSenderIsAllowListed(string entry)
    {
        var plan = Decide(new PolicyOptions { AllowSenders = [entry] }, 0.1, 0.99);
        Assert.Equal(MessageAction.Allow, plan.Action);
        Assert.Contains("allow-list", plan.Explanation);
    }

    [Fact]
    public void Decide_DoesNotAllowListLookalikeSender_WhenEntryIsADomain() =>
        Assert.Equal(MessageAction.Quarantine,
            Decide(new PolicyOptions { AllowSenders = ["@partner.example"] }, 0.1, 0.99, from: "x@evilpartner.example").Action);

    [Theory]
    [InlineData(PolicyMode.ReportOnly, false)]
    [InlineData(PolicyMode.Enforce, true)]
    public void Decide_MarksPlanEnforced_OnlyInEnforceMode(PolicyMode mode, bool enforced) =>
        Assert.Equal(enforced, Decide(new PolicyOptions { Mode = mode }, 0.1, 0.7).Enforced);

    private static ActionPlan DecideWithoutLinks(PolicyOptions options, bool knownSender, string evidenceId, params Link[] links)
    {
        var scenario = new ScoringScenario();
        if (knownSender)
            scenario.Received("x@partner.example");
        var context = scenario.Deliver(ScoringScenario.Mail("x@partner.example"), links);
        var reasons = new List<SignalHit> { new(evidenceId, evidenceId, 1.0, "the sender's domain failed DMARC") };
        var score = new MessageScore(0.3, [.. links.Select(l => new LinkVerdict(l, 0.3, []))], reasons);
        return new PolicyEngine(options).Decide(score, context);
    }

    [Theory]
    [InlineData("sender.auth-failure")]
    [InlineData("sender.reply-to-mismatch")]
    [InlineData("sender.display-name-impersonation")]
    [InlineData("sender.lookalike-domain")]
    public void Decide_QuarantinesByDefault_AnUnknownSendersMessageWithNoLinkAndStrongSenderEvidence(string evidenceId)
    {
        var plan = DecideWithoutLinks(new PolicyOptions(), knownSender: false, evidenceId);
        Assert.Equal(MessageAction.Quarantine, plan.Action);
        Assert.Contains("no link to judge", plan.Explanation);
        Assert.Contains("failed DMARC", plan.Explanation);
    }

    [Fact]
    public void Decide_Allows_AMessageWithNoLinkWhenTheSenderIsKnownOrTheEvidenceWeakOrThePolicyAllows()
    {
        Assert.Equal(MessageAction.Allow, DecideWithoutLinks(new PolicyOptions(), knownSender: true, "sender.auth-failure").Action);
        Assert.Equal(MessageAction.Allow, DecideWithoutLinks(new PolicyOptions(), knownSender: false, "sender.unknown").Action);
        Assert.Equal(MessageAction.Allow, DecideWithoutLinks(new PolicyOptions { SenderEvidenceWithoutLinks = SenderEvidenceAction.Allow },
            knownSender: false, "sender.auth-failure").Action);
        Assert.Equal(MessageAction.Allow, DecideWithoutLinks(new PolicyOptions { AllowSenders = ["@partner.example"] },
            knownSender: false, "sender.auth-failure").Action);
    }

    [Fact]
    public void Decide_LeavesSenderEvidenceToTheLinks_WhenTheMessageHasAReadableLink() =>
        Assert.Equal(MessageAction.Allow, DecideWithoutLinks(new PolicyOptions(), knownSender: false, "sender.auth-failure", Good).Action);
}
