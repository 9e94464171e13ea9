using System.Security.Claims;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.AnalystConsole.Pages.Messages;
using M365Scanner.Storage.InMemory;

namespace M365Scanner.Host.Tests.AnalystConsole;

/// <summary>The message page's view of a stored verdict whose links JSON is not what the scanner writes (a damaged row,
/// a hand-edited database, an older format): the page shows what it can read instead of failing with a 500.</summary>
public sealed class MessageViewTests
{
    private static readonly MessageKey Key = new("tenant-1", "alice@contoso.example", "odd@partner.example");

    [Theory]
    [InlineData("""[{"url":"https://a.example/x","domain":"a.example"}]""")]
    [InlineData("""[null,{"url":"https://a.example/x","domain":"a.example","reasons":null}]""")]
    [InlineData("""[{"url":"https://a.example/x","domain":"a.example","reasons":["r: why",null]}]""")]
    public void Load_OfLinksWithMissingOrNullParts_GivesEveryLinkWithAListOfReasons(string linksJson)
    {
        var view = Load(linksJson);

        var link = Assert.Single(view.Links);
        Assert.Equal("https://a.example/x", link.Url);
        Assert.NotNull(link.Reasons);
        Assert.DoesNotContain(null, link.Reasons);
        Assert.Equal(["a.example"], view.BlockableDomains);
        Assert.Equal("rewritten", view.DoneTo(link));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    public void Load_OfLinksThatAreNoList_GivesNoLinks(string linksJson) => Assert.Empty(Load(linksJson).Links);

    private static MessageView Load(string linksJson)
    {
        var verdicts = new InMemoryVerdictStore();
        verdicts.Record(new VerdictRecord(Key, "graph-id", DateTimeOffset.UnixEpoch, MessageAction.Rewrite, 0.9, "explained", Enforced: true,
            linksJson, "", "subject", "someone@partner.example"));
        return MessageView.Load(Key, verdicts, new InMemoryAuditLog(), new InMemoryPolicyStore(), new ClaimsPrincipal(new ClaimsIdentity()))
               ?? throw new InvalidOperationException("the verdict was not found");
    }
}
