using M365Scanner.Core.Scoring.Lookalike;

namespace M365Scanner.Core.Tests.Scoring.Lookalike;

public class DomainLookalikeTests
{
    [Theory]
    [InlineData("c0ntoso.com", "contoso.com")]
    [InlineData("rnicrosoft.com", "microsoft.com")]
    [InlineData("paypa1.com", "paypal.com")]
    [InlineData("xn--pypal-4ve.com", "paypal.com")] // Cyrillic а
    [InlineData("vvalmart.com", "walmart.com")]
    public void Compare_ReturnsConfusable_WhenSkeletonsMatch(string candidate, string imitated) =>
        Assert.Equal(LookalikeKind.Confusable, DomainLookalike.Compare(candidate, imitated)?.Kind);

    [Theory]
    [InlineData("contosso.com", "contoso.com", 1)]
    [InlineData("cotnoso.com", "contoso.com", 1)]
    [InlineData("contso.com", "contoso.com", 1)]
    [InlineData("nortwindtrader.com", "northwindtraders.com", 2)]
    public void Compare_ReturnsTypo_WhenWithinEditBudget(string candidate, string imitated, int distance)
    {
        var match = DomainLookalike.Compare(candidate, imitated);
        Assert.Equal(LookalikeKind.Typo, match?.Kind);
        Assert.Equal(distance, match!.Distance);
    }

    [Fact]
    public void Compare_ReturnsOtherSuffix_WhenSameNameElsewhere() =>
        Assert.Equal(LookalikeKind.OtherSuffix, DomainLookalike.Compare("contoso.co.uk", "contoso.com")?.Kind);

    [Theory]
    [InlineData("contoso.com", "contoso.com")]
    [InlineData("ibn.com", "ibm.com")]          // short names: one edit is another real company
    [InlineData("contosoxyz.com", "contoso.com")] // three edits
    [InlineData("wikipedia.org", "contoso.com")]
    [InlineData("", "contoso.com")]
    [InlineData(null, "contoso.com")]
    public void Compare_ReturnsNull_WhenEqualOrUnrelated(string? candidate, string imitated) =>
        Assert.Null(DomainLookalike.Compare(candidate, imitated));

    [Theory]
    [InlineData("kitten", "sitting", 5, 3)]
    [InlineData("ca", "ac", 2, 1)]
    [InlineData("abc", "abc", 1, 0)]
    [InlineData("abcdef", "uvwxyz", 2, 3)]
    public void OptimalStringAlignment_CountsEditsUpToMax(string a, string b, int max, int expected) =>
        Assert.Equal(expected, DomainLookalike.OptimalStringAlignment(a, b, max));
}
