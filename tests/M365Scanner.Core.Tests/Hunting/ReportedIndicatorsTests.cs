using M365Scanner.Core.Hunting;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;

namespace M365Scanner.Core.Tests.Hunting;

public sealed class ReportedIndicatorsTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static PhishReport Report(string? sender, params string[] links) =>
        new("p1", "tenant-a", "r1", "bob@contoso.example", true, T0, "m1@x", sender, "s", links, "");

    private static PolicyEntry Allow(PolicyEntryKind kind, string value, string? mailbox = null) =>
        new("e1", "tenant-a", PolicyEntryEffect.Allow, kind, value, mailbox, "admin", T0, "ours");

    private static List<string> Of(PhishReport report, PolicyOptions? policy = null, params PolicyEntry[] entries) =>
        [.. ReportedIndicators.From(report, ["contoso.example"], policy ?? new PolicyOptions(), entries).Select(i => i.ToString())];

    [Fact]
    public void From_GivesTheSenderThenEachLinksRegistrableDomainOnce()
    {
        var report = Report("IT-Desk@Evil.example", "https://login.evil.example/a", "https://cdn.evil.example/b.png", "https://kit.other.example/");

        Assert.Equal(["sender:it-desk@evil.example", "domain:evil.example", "domain:other.example"], Of(report));
    }

    [Fact]
    public void From_LeavesOutTheTenantsOwnDomains_ForTheSenderAndTheLinks()
    {
        var report = Report("ceo@mail.contoso.example", "https://intranet.contoso.example/x", "https://evil.example/");

        Assert.Equal(["domain:evil.example"], Of(report));
    }

    [Fact]
    public void From_LeavesOutWhatThePolicyAndItsAllowEntriesVouchFor()
    {
        var report = Report("news@vendor.example", "https://files.vendor.example/a", "https://shared.example/b", "https://evil.example/");
        var policy = new PolicyOptions { AllowDomains = ["shared.example"], AllowSenders = ["@vendor.example"] };

        Assert.Equal(["domain:evil.example"], Of(report, policy, Allow(PolicyEntryKind.LinkDomain, "vendor.example")));
    }

    [Fact]
    public void From_IgnoresAnAllowEntryForAnotherMailbox()
    {
        var report = Report(null, "https://evil.example/");

        Assert.Equal(["domain:evil.example"], Of(report, null, Allow(PolicyEntryKind.LinkDomain, "evil.example", mailbox: "carol@contoso.example")));
    }

    [Fact]
    public void From_HuntsAnIpHostByItsUrl_AndSkipsWhatIsNotAUrl()
    {
        var report = Report(null, "http://203.0.113.50/office365/signin", "not a url", "mailto:x@evil.example");

        Assert.Equal(["url:http://203.0.113.50/office365/signin"], Of(report));
    }

    [Fact]
    public void From_StopsAtTheCap()
    {
        var report = Report("x@evil.example", [.. Enumerable.Range(0, 30).Select(i => $"https://site{i}.example/")]);

        var found = Of(report);

        Assert.Equal(ReportedIndicators.Max, found.Count);
        Assert.Equal("sender:x@evil.example", found[0]);
    }
}
