using M365Scanner.Core.Operations;

namespace M365Scanner.Core.Tests.Operations;

/// <summary>What a person types into a verdict search becomes the form stores match, or a problem said plainly.</summary>
public class VerdictSearchTermsTests
{
    [Theory]
    [InlineData("abc@partner.example", "abc@partner.example")]
    [InlineData("<abc@partner.example>", "abc@partner.example")]
    [InlineData("  <abc@partner.example>  ", "abc@partner.example")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void MessageId_TakesTheReferenceWithOrWithoutAngleBrackets(string? typed, string? expected) =>
        Assert.Equal(expected, VerdictSearchTerms.MessageId(typed));

    [Fact]
    public void MessageId_Throws_WhenOnlyBracketsOrTooLong()
    {
        Assert.Throws<FormatException>(() => VerdictSearchTerms.MessageId("<>"));
        Assert.Throws<FormatException>(() => VerdictSearchTerms.MessageId(new string('a', VerdictSearchTerms.MaxMessageId + 1)));
    }

    [Theory]
    [InlineData("Anna@Partner.Example", "anna@partner.example")]
    [InlineData("partner.example", "partner.example")]
    [InlineData("@partner.example", "partner.example")]
    public void Sender_IsAnAddressOrADomain_InLowerCase(string typed, string expected) =>
        Assert.Equal(expected, VerdictSearchTerms.Sender(typed));

    [Theory]
    [InlineData("a@b@c")]
    [InlineData("anna@")]
    [InlineData("anna @partner.example")]
    public void Sender_Throws_WhenNeitherAnAddressNorADomain(string typed) =>
        Assert.Throws<FormatException>(() => VerdictSearchTerms.Sender(typed));

    [Theory]
    [InlineData("evilhost.xyz", "evilhost.xyz")]
    [InlineData("Secure-Docs.EvilHost.xyz", "evilhost.xyz")]
    [InlineData("https://secure-docs.evilhost.xyz/4JEcfT?x=1", "evilhost.xyz")]
    [InlineData("*.evilhost.xyz.", "evilhost.xyz")]
    [InlineData("mail.example.co.uk", "example.co.uk")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("203.0.113.50", "203.0.113.50")]
    public void LinkDomain_IsTheRegistrableDomainOfWhatWasTyped_AsLinksAreStored(string typed, string expected) =>
        Assert.Equal(expected, VerdictSearchTerms.LinkDomain(typed));

    [Theory]
    [InlineData("co.uk")]
    [InlineData("evil host.xyz")]
    [InlineData("evil%.xyz")]
    public void LinkDomain_Throws_WhenNoLinkCouldHaveIt(string typed) =>
        Assert.Throws<FormatException>(() => VerdictSearchTerms.LinkDomain(typed));

    [Fact]
    public void Time_ReadsADayOrAMinuteInUtc_AndUntilIncludesThePeriodTyped()
    {
        var day = new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(day, VerdictSearchTerms.Time("2026-12-06", endOfPeriod: false));
        Assert.Equal(day.AddDays(1), VerdictSearchTerms.Time("2026-12-06", endOfPeriod: true));
        Assert.Equal(day.AddHours(10).AddMinutes(30), VerdictSearchTerms.Time("2026-12-06T10:30", endOfPeriod: false));
        Assert.Equal(day.AddHours(10).AddMinutes(31), VerdictSearchTerms.Time("2026-12-06T10:30", endOfPeriod: true));
        Assert.Equal(day.AddHours(9).AddMinutes(30), VerdictSearchTerms.Time("2026-12-06T10:30:00+01:00", endOfPeriod: true));
        Assert.Null(VerdictSearchTerms.Time(" ", endOfPeriod: true));
        Assert.Throws<FormatException>(() => VerdictSearchTerms.Time("yesterday", endOfPeriod: false));
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("9999-12-31T23:59")]
    public void Time_UntilTheLastDayOrMinuteOfTheCalendar_IsTheEndOfTime_NotAnError(string typed)
    {
        Assert.Equal(DateTimeOffset.MaxValue, VerdictSearchTerms.Time(typed, endOfPeriod: true));
        Assert.True(VerdictSearchTerms.Time(typed, endOfPeriod: false) < DateTimeOffset.MaxValue);
    }
}
