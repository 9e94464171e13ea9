using M365Scanner.Core.Links;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Scoring;
using M365Scanner.Core.Tests.Scoring;

namespace M365Scanner.Core.Tests.Policy;

/// <summary>A tenant's override laid over the global policy, and its scoped allow and block entries as the engine applies them.</summary>
public class TenantPolicyTests
{
    private static readonly Link Good = ScoringScenario.Link("https://good.example/");
    private static readonly Link Bad = ScoringScenario.Link("https://login.bad.example/login");
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Mailbox = "bob@tenant.example";

    private static PolicyEntry Entry(PolicyEntryEffect effect, PolicyEntryKind kind, string value, string? mailbox = null, string id = "e1") =>
        new(id, "tenant-a", effect, kind, value, mailbox, "alice", T0, "reported by the user");

    private static ActionPlan Decide(PolicyOptions options, IReadOnlyList<PolicyEntry> entries, double good, double bad,
        string from = "x@partner.example", string mailbox = Mailbox)
    {
        var scenario = new ScoringScenario { Mailbox = mailbox };
        var context = scenario.Deliver(ScoringScenario.Mail(from), Good, Bad);
        var score = new MessageScore(Math.Max(good, bad), [new LinkVerdict(Good, good, []), new LinkVerdict(Bad, bad, [])], []);
        return new PolicyEngine(options, entries).Decide(score, context);
    }

    [Fact]
    public void ApplyTo_KeepsGlobalSettings_WhereTheOverrideIsNull_AndTakesTheOverrideElsewhere()
    {
        var global = new PolicyOptions { Mode = PolicyMode.Enforce, RewriteThreshold = 0.5, QuarantineThreshold = 0.9, AllowSenders = ["@x.example"] };

        var effective = new TenantPolicyOverride(Mode: PolicyMode.ReportOnly, QuarantineThreshold: 0.8).ApplyTo(global);

        Assert.Equal(PolicyMode.ReportOnly, effective.Mode);
        Assert.Equal(0.8, effective.QuarantineThreshold);
        Assert.Equal(0.5, effective.RewriteThreshold);
        Assert.Equal(["@x.example"], effective.AllowSenders);
        Assert.Equal(global, TenantPolicyOverride.None.ApplyTo(global));
    }

    [Fact]
    public void HeldMessageNotice_IsOffByDefault_AndATenantOverrideTurnsItOnOrOff()
    {
        var global = new PolicyOptions();
        var on = global with { HeldMessageNotice = true };

        Assert.False(global.HeldMessageNotice);
        Assert.False(TenantPolicyOverride.None.ApplyTo(global).HeldMessageNotice);
        Assert.True(new TenantPolicyOverride(HeldMessageNotice: true).ApplyTo(global).HeldMessageNotice);
        Assert.False(new TenantPolicyOverride(HeldMessageNotice: false).ApplyTo(on).HeldMessageNotice);
        Assert.True(new TenantPolicyOverride(Mode: PolicyMode.Enforce).ApplyTo(on).HeldMessageNotice);
    }

    [Theory]
    [InlineData(1.5, null, "rewriteThreshold")]
    [InlineData(null, -0.1, "quarantineThreshold")]
    [InlineData(double.NaN, null, "rewriteThreshold")]
    public void Problem_NamesTheThresholdOutOfRange(double? rewrite, double? quarantine, string named)
    {
        Assert.Contains(named, new TenantPolicyOverride(RewriteThreshold: rewrite, QuarantineThreshold: quarantine).Problem());
        Assert.Null(new TenantPolicyOverride(RewriteThreshold: 0, QuarantineThreshold: 1).Problem());
    }

    [Fact]
    public void Decide_AllowsAndNamesTheEntry_WhenALinkDomainAllowEntryCoversTheOnlyOffendingLink()
    {
        var entry = Entry(PolicyEntryEffect.Allow, PolicyEntryKind.LinkDomain, "bad.example");

        var plan = Decide(new PolicyOptions(), [entry], 0.1, 0.95);

        Assert.Equal(MessageAction.Allow, plan.Action);
        Assert.Empty(plan.OffendingLinks);
        Assert.Contains("link domain bad.example is allowed for the tenant (entry e1, by alice: reported by the user)", plan.Explanation);
        Assert.Equal(MessageAction.Quarantine, Decide(new PolicyOptions(), [], 0.1, 0.95).Action);
    }

    [Fact]
    public void Decide_IgnoresAnEntry_ScopedToAnotherMailbox_OrRemoved()
    {
        var otherMailbox = Entry(PolicyEntryEffect.Allow, PolicyEntryKind.LinkDomain, "bad.example", mailbox: "carol@tenant.example");
        var removed = Entry(PolicyEntryEffect.Allow, PolicyEntryKind.LinkDomain, "bad.example", id: "e2") with { RemovedBy = "alice", RemovedAt = T0 };
        var thisMailbox = Entry(PolicyEntryEffect.Allow, PolicyEntryKind.LinkDomain, "bad.example", mailbox: "BOB@tenant.example", id: "e3");

        Assert.Equal(MessageAction.Rewrite, Decide(new PolicyOptions(), [otherMailbox, removed], 0.1, 0.7).Action);
        var plan = Decide(new PolicyOptions(), [otherMailbox, removed, thisMailbox], 0.1, 0.7);
        Assert.Equal(MessageAction.Allow, plan.Action);
        Assert.Contains("for mailbox BOB@tenant.example (entry e3", plan.Explanation);
    }

    [Theory]
    [InlineData(PolicyEntryKind.SenderAddress, "X@Partner.Example", true)]
    [InlineData(PolicyEntryKind.SenderDomain, "partner.example", true)]
    [InlineData(PolicyEntryKind.SenderDomain, "example", true)]
    [InlineData(PolicyEntryKind.SenderDomain, "tner.example", false)]
    [InlineData(PolicyEntryKind.SenderAddress, "y@partner.example", false)]
    public void Decide_AllowsTheWholeMessage_WhenASenderAllowEntryMatches(PolicyEntryKind kind, string value, bool matches)
    {
        var plan = Decide(new PolicyOptions(), [Entry(PolicyEntryEffect.Allow, kind, value.ToLowerInvariant())], 0.1, 0.95);

        Assert.Equal(matches ? MessageAction.Allow : MessageAction.Quarantine, plan.Action);
        Assert.Equal(matches, plan.Explanation.Contains("is allowed for the tenant (entry e1", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_RewritesALinkBelowTheThreshold_WhenItsDomainIsBlocked_AndSaysSo()
    {
        var plan = Decide(new PolicyOptions(), [Entry(PolicyEntryEffect.Block, PolicyEntryKind.LinkDomain, "good.example")], 0.05, 0.1);

        Assert.Equal(MessageAction.Rewrite, plan.Action);
        Assert.Equal([Good], plan.OffendingLinks);
        Assert.Contains("link domain good.example is blocked for the tenant", plan.Explanation);
    }

    [Fact]
    public void Decide_BlockWins_WhenAnAllowAndABlockEntryCoverTheSameLink()
    {
        PolicyEntry[] entries =
        [
            Entry(PolicyEntryEffect.Allow, PolicyEntryKind.LinkDomain, "bad.example", id: "allow"),
            Entry(PolicyEntryEffect.Block, PolicyEntryKind.LinkDomain, "login.bad.example", id: "block"),
        ];

        var plan = Decide(new PolicyOptions(), entries, 0.1, 0.7);

        Assert.Equal(MessageAction.Rewrite, plan.Action);
        Assert.Equal([Bad], plan.OffendingLinks);
    }

    [Fact]
    public void Decide_QuarantinesAndNamesTheEntry_WhenTheSenderIsBlocked_EvenWithoutAnOffendingLink()
    {
        var plan = Decide(new PolicyOptions { Mode = PolicyMode.Enforce },
            [Entry(PolicyEntryEffect.Block, PolicyEntryKind.SenderDomain, "partner.example")], 0.05, 0.1);

        Assert.Equal(MessageAction.Quarantine, plan.Action);
        Assert.True(plan.Enforced);
        Assert.Contains("sender domain partner.example is blocked for the tenant", plan.Explanation);
    }

    [Theory]
    [InlineData(PolicyEntryKind.SenderAddress, " Alice@Partner.Example ", "alice@partner.example")]
    [InlineData(PolicyEntryKind.SenderDomain, "@Partner.Example.", "partner.example")]
    [InlineData(PolicyEntryKind.LinkDomain, "Bad.Example", "bad.example")]
    [InlineData(PolicyEntryKind.SenderAddress, "partner.example", null)]
    [InlineData(PolicyEntryKind.SenderAddress, "a@b@c.example", null)]
    [InlineData(PolicyEntryKind.LinkDomain, "https://bad.example/x", null)]
    [InlineData(PolicyEntryKind.LinkDomain, "localhost", null)]
    [InlineData(PolicyEntryKind.LinkDomain, "bad..example", null)]
    [InlineData(PolicyEntryKind.LinkDomain, "", null)]
    [InlineData(PolicyEntryKind.SenderDomain, "a b.example", null)]
    public void Normalize_LowerCasesPlausibleValues_AndRejectsTheRest(PolicyEntryKind kind, string value, string? expected) =>
        Assert.Equal(expected, PolicyEntry.Normalize(kind, value));
}
