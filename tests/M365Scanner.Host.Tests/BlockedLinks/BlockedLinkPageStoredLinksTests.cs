using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.BlockedLinks;
using M365Scanner.Storage.InMemory;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Tests.BlockedLinks;

/// <summary>The public blocked-link page over a stored verdict whose links JSON is damaged or lacks a part: the person
/// who clicked still gets the page and its reference, never a 500.</summary>
public sealed class BlockedLinkPageStoredLinksTests
{
    private static readonly MessageKey Key = new("tenant-1", "alice@contoso.example", "odd@partner.example");

    [Theory]
    [InlineData("not json", "The details of why it was held are no longer available.")]
    [InlineData("""{"url":"https://a.example/x"}""", "The details of why it was held are no longer available.")]
    [InlineData("""[{"url":"https://a.example/x","domain":"a.example"}]""", "<strong>a.example</strong>")]
    [InlineData("""[{"url":"https://a.example/x","domain":"a.example","reasons":[null,"lookalike: close to b.example"]}]""", "It did not look like the mail you usually receive.")]
    [InlineData("""[{"url":"https://a.example/x","domain":"a.example","reasons":[null,"Link: domain never seen in the tenant: no one here"]}]""", "<li>The site is new to your organisation.</li>")]
    public void ThePage_OfAVerdictWithOddLinks_Is200_WithTheReference(string linksJson, string shown)
    {
        var verdicts = new InMemoryVerdictStore();
        verdicts.Record(new VerdictRecord(Key, "graph-id", DateTimeOffset.UnixEpoch, MessageAction.Rewrite, 0.9, "explained", Enforced: true,
            linksJson, "", "subject", "someone@partner.example"));
        var tokens = new BlockedLinkTokens(Options.Create(new ScannerHostOptions { PublicBaseUrl = "https://scanner.contoso.example" }),
            NullLogger<BlockedLinkTokens>.Instance);
        var token = tokens.Issue(new BlockedLinkToken(Key.TenantId, Key.Mailbox, Key.MessageId, 0));

        var page = Assert.IsType<ContentHttpResult>(BlockedLinkPage.Show(token, tokens, verdicts, new InMemoryReleaseRequestStore(), new ScannerHostOptions(), form: null));

        Assert.Equal(StatusCodes.Status200OK, page.StatusCode);
        Assert.Contains(shown, page.ResponseContent);
        Assert.Contains($"<code>{Key.MessageId}</code>", page.ResponseContent);
    }
}
