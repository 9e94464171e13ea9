using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Senders;

namespace M365Scanner.Core.Tests.Senders;

/// <summary>Each sender kind from the header shapes real senders write (Mailman 3, Google Groups, ESPs, auto-replies),
/// written here by hand.</summary>
public class SenderClassifierTests
{
    private const string List = "dev-list@lists.example.org";

    private static readonly MessageHeader[] Mailman3 =
    [
        new("Precedence", "list"),
        new("List-Id", "Development discussion and support <dev-list.lists.example.org>"),
        new("List-Archive", "<https://lists.example.org/archives/list/dev-list@lists.example.org/>"),
        new("List-Help", "<mailto:dev-list-request@lists.example.org?subject=help>"),
        new("List-Post", "<mailto:dev-list@lists.example.org>"),
        new("List-Subscribe", "<mailto:dev-list-join@lists.example.org>"),
        new("List-Unsubscribe", "<mailto:dev-list-leave@lists.example.org>"),
    ];

    [Fact]
    public void Classify_ReturnsTheAuthorFromFrom_WhenAListCopyIsNotMunged()
    {
        var message = Message("patch.author@gmail.com", "Pat Author", Mailman3);

        var sender = SenderClassifier.Classify(message);

        Assert.Equal(SenderKind.MailingList, sender.Kind);
        Assert.Equal("patch.author@gmail.com", sender.Author?.Normalized);
        Assert.Equal("dev-list.lists.example.org", sender.Channel);
        Assert.Equal(List, sender.ListAddress);
        Assert.False(sender.IsMunged);
    }

    [Fact]
    public void Classify_ReturnsTheAuthorFromReplyTo_WhenFromIsTheListsOwnAddress()
    {
        var message = Message(List, "Hodges, Jane via Dev-list", Mailman3) with
        {
            ReplyTo = [new EmailAddress("Jane.Hodges@research.example.edu", "Hodges, Jane")],
            Headers = [.. Mailman3, new("X-MailFrom", "Jane.Hodges@research.example.edu")],
        };

        var sender = SenderClassifier.Classify(message);

        Assert.True(sender.IsMunged);
        Assert.Equal("jane.hodges@research.example.edu", sender.Author?.Normalized);
        Assert.Equal("Hodges, Jane", sender.Author?.DisplayName);
        Assert.Equal("research.example.edu", sender.Domain);
    }

    [Fact]
    public void Classify_PrefersXOriginalFrom_AsGoogleGroupsWritesIt()
    {
        MessageHeader[] groups =
        [
            new("List-Id", "<team-announce.example.com>"),
            new("List-Post", "<https://groups.google.com/a/example.com/group/team-announce/post>, <mailto:team-announce@example.com>"),
            new("X-Original-From", "Sam Writer <sam@writer.example>"),
        ];
        var message = Message("team-announce@example.com", "'Sam Writer' via Team Announce", groups) with
        {
            ReplyTo = [new EmailAddress("team-announce@example.com")],
        };

        var sender = SenderClassifier.Classify(message);

        Assert.True(sender.IsMunged);
        Assert.Equal("sam@writer.example", sender.Author?.Normalized);
    }

    [Fact]
    public void Classify_FallsBackToXMailFrom_WhenReplyToNamesOnlyTheListAndItsRoles()
    {
        var message = Message(List, "Someone via Dev-list", [.. Mailman3, new("X-MailFrom", "someone@else.example")]) with
        {
            ReplyTo = [new EmailAddress(List), new EmailAddress("dev-list-owner@lists.example.org")],
        };

        Assert.Equal("someone@else.example", SenderClassifier.Classify(message).Author?.Normalized);
    }

    [Fact]
    public void Classify_KeepsTheListAsAuthor_WhenAMungedCopyNamesNobody()
    {
        var sender = SenderClassifier.Classify(Message(List, "Dev-list", Mailman3));

        Assert.False(sender.IsMunged);
        Assert.Equal(List, sender.Author?.Normalized);
    }

    [Fact]
    public void Classify_DoesNotMunge_WhenFromIsNotTheListsPostingAddress()
    {
        // A stranger cannot borrow an author's identity by adding list headers and a Reply-To.
        var message = Message("attacker@evil.example", "CEO via Board", Mailman3) with
        {
            ReplyTo = [new EmailAddress("ceo@tenant.example")],
        };

        var sender = SenderClassifier.Classify(message);

        Assert.False(sender.IsMunged);
        Assert.Equal("attacker@evil.example", sender.Author?.Normalized);
    }

    [Theory]
    [InlineData("List-Unsubscribe", "<https://news.shop.example/unsub?u=123>, <mailto:unsub@news.shop.example>")]
    [InlineData("Feedback-ID", "123:456:campaign:mailer")]
    [InlineData("Precedence", "bulk")]
    [InlineData("X-Mailgun-Tag", "weekly")]
    [InlineData("X-SG-EID", "abc123")]
    [InlineData("X-MC-User", "0c8e7c1c3b")]
    [InlineData("X-CampaignID", "spring-2024")]
    public void Classify_ReturnsBulk_ForEachBulkMarker(string name, string value)
    {
        var sender = SenderClassifier.Classify(Message("news@shop.example", "Shop", [new(name, value)]));

        Assert.Equal(SenderKind.Bulk, sender.Kind);
        Assert.Equal("news@shop.example", sender.Author?.Normalized);
        Assert.Null(sender.Channel);
    }

    [Fact]
    public void Classify_ReturnsBulk_ForANewsletterWithAListIdButNoPostingAddress()
    {
        MessageHeader[] mailchimp = [new("List-ID", "Shop news <abc123.list-id.mcsv.net>"), new("List-Unsubscribe", "<https://shop.us1.list-manage.com/unsubscribe>")];

        Assert.Equal(SenderKind.Bulk, SenderClassifier.Classify(Message("news@shop.example", null, mailchimp)).Kind);
    }

    [Fact]
    public void Classify_ReturnsBulk_WhenMostLinksGoThroughClickTrackers()
    {
        Link[] links =
        [
            Resolve("https://shop.us1.list-manage.com/track/click?u=1&id=2"),
            Resolve("https://shop.us1.list-manage.com/track/click?u=1&id=3"),
            Resolve("https://shop.example/"),
        ];

        Assert.Equal(SenderKind.Bulk, SenderClassifier.Classify(Message("news@shop.example", null, []), links).Kind);
        Assert.Equal(SenderKind.Person, SenderClassifier.Classify(Message("news@shop.example", null, []), links[1..]).Kind);
    }

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied")]
    [InlineData("Auto-Submitted", "auto-generated")]
    [InlineData("Precedence", "auto_reply")]
    public void Classify_ReturnsAutomated_ForAutomationHeaders(string name, string value) =>
        Assert.Equal(SenderKind.Automated, SenderClassifier.Classify(Message("anna@partner.example", "Anna", [new(name, value)])).Kind);

    [Theory]
    [InlineData("noreply@service.example")]
    [InlineData("no-reply@service.example")]
    [InlineData("No_Reply+invoices@service.example")]
    [InlineData("donotreply@service.example")]
    [InlineData("do-not-reply@service.example")]
    [InlineData("MAILER-DAEMON@mx.example")]
    public void Classify_ReturnsAutomated_ForNoReplyAddresses(string from) =>
        Assert.Equal(SenderKind.Automated, SenderClassifier.Classify(Message(from, null, [])).Kind);

    [Theory]
    [InlineData("Auto-Submitted", "no")]
    [InlineData("Precedence", "first-class")]
    [InlineData("X-Mailer", "Microsoft Outlook 16.0")]
    public void Classify_ReturnsPerson_ForAPersonsOrdinaryHeaders(string name, string value) =>
        Assert.Equal(SenderKind.Person, SenderClassifier.Classify(Message("anna@partner.example", "Anna", [new(name, value)])).Kind);

    [Fact]
    public void Classify_IgnoresGarbledListHeaders()
    {
        MessageHeader[] garbled = [new("List-Post", "NO"), new("List-Id", "<>"), new("X-Original-From", "<<<")];

        var sender = SenderClassifier.Classify(Message("anna@partner.example", null, garbled));

        Assert.Equal(SenderKind.Person, sender.Kind);
        Assert.Equal("anna@partner.example", sender.Author?.Normalized);
    }

    private static EmailMessage Message(string from, string? name, MessageHeader[] headers) => new()
    {
        From = new EmailAddress(from, name),
        To = [new EmailAddress(List)],
        Headers = headers,
    };

    private static Link Resolve(string url) =>
        LinkResolver.Default.Resolve(new FoundLink(url, null, LinkSource.Anchor, LinkOrigin.Body))!;
}
