using System.Text;
using M365Scanner.GraphEmulator.Tests.TestSupport;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using MimeKit;

namespace M365Scanner.GraphEmulator.Tests.Mail;

public sealed class MessagesReadTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4 fake pdf bytes");

    [Fact]
    public async Task GetMessage_MapsMimeOntoGraphProperties()
    {
        var user = f.NewUser();
        var mime = Mime.Message("Invoice 42", html: "<p>Pay <a href=\"https://pay.example/x\">here</a></p>", attachment: ("invoice.pdf", Pdf, "application/pdf"));
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, mime);

        var m = await f.Graph.Users[user.Id].Messages[id].GetAsync(r =>
            r.QueryParameters.Select = ["subject", "from", "sender", "toRecipients", "body", "uniqueBody", "internetMessageHeaders",
                "internetMessageId", "hasAttachments", "isDraft", "isRead", "receivedDateTime", "sentDateTime", "parentFolderId", "conversationId"]);

        Assert.Equal("Invoice 42", m!.Subject);
        Assert.Equal("alice@partner.example", m.From!.EmailAddress!.Address);
        Assert.Equal("Alice Partner", m.Sender!.EmailAddress!.Name);
        Assert.Equal("bob@contoso.onmicrosoft.com", Assert.Single(m.ToRecipients!).EmailAddress!.Address);
        Assert.Equal(BodyType.Html, m.Body!.ContentType);
        Assert.Contains("https://pay.example/x", m.Body.Content);
        Assert.Contains("https://pay.example/x", m.UniqueBody!.Content);
        Assert.Contains(m.InternetMessageHeaders!, h => h.Name == "X-Test-Header" && h.Value == "present");
        Assert.StartsWith("<", m.InternetMessageId);
        Assert.True(m.HasAttachments);
        Assert.False(m.IsDraft);
        Assert.False(m.IsRead);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), m.SentDateTime);
        Assert.NotNull(m.ConversationId);
        var inbox = await f.Graph.Users[user.Id].MailFolders["inbox"].GetAsync();
        Assert.Equal(inbox!.Id, m.ParentFolderId);
    }

    [Fact]
    public async Task GetMessage_WithoutSelect_LeavesOutHeadersAndUniqueBody_LikeGraph()
    {
        var user = f.NewUser();
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("Plain"));

        var m = await f.Graph.Users[user.Id].Messages[id].GetAsync();

        Assert.Null(m!.InternetMessageHeaders);
        Assert.Null(m.UniqueBody);
        Assert.Equal(BodyType.Text, m.Body!.ContentType);
        Assert.Equal("Plain", m.Subject);
    }

    [Fact]
    public async Task PreferTextBody_ConvertsHtmlBody()
    {
        var user = f.NewUser();
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("html", html: "<p>Hello <b>world</b></p>"));

        var m = await f.Graph.Users[user.Id].Messages[id].GetAsync(r => r.Headers.Add("Prefer", "outlook.body-content-type=\"text\""));

        Assert.Equal(BodyType.Text, m!.Body!.ContentType);
        Assert.DoesNotContain("<b>", m.Body.Content);
        Assert.Contains("world", m.Body.Content);
    }

    [Fact]
    public async Task MessageValue_ReturnsOriginalMime()
    {
        var user = f.NewUser();
        var mime = Mime.Message("Raw");
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, mime);

        await using var stream = await f.Graph.Users[user.Id].Messages[id].Content.GetAsync();
        var parsed = await MimeMessage.LoadAsync(stream!);

        Assert.Equal("Raw", parsed.Subject);
        Assert.Equal("present", parsed.Headers["X-Test-Header"]);
    }

    [Fact]
    public async Task Attachments_ListGetAndValue()
    {
        var user = f.NewUser();
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("With PDF", attachment: ("invoice.pdf", Pdf, "application/pdf")));
        var messages = f.Graph.Users[user.Id].Messages[id];

        var list = await messages.Attachments.GetAsync();
        var listed = Assert.IsType<FileAttachment>(Assert.Single(list!.Value!));
        var one = Assert.IsType<FileAttachment>(await messages.Attachments[listed.Id].GetAsync());
        var expanded = await messages.GetAsync(r => r.QueryParameters.Expand = ["attachments"]);
        var valueRequest = messages.Attachments[listed.Id].ToGetRequestInformation();
        valueRequest.UrlTemplate = valueRequest.UrlTemplate!.Replace("{attachment%2Did}", "{attachment%2Did}/$value");
        await using var raw = await f.Graph.RequestAdapter.SendPrimitiveAsync<Stream>(valueRequest);
        using var copy = new MemoryStream();
        await raw!.CopyToAsync(copy);

        Assert.Equal("invoice.pdf", listed.Name);
        Assert.Equal("application/pdf", listed.ContentType);
        Assert.Equal(Pdf.Length, listed.Size);
        Assert.False(listed.IsInline);
        Assert.Equal(Pdf, one.ContentBytes);
        Assert.Equal(Pdf, Assert.IsType<FileAttachment>(Assert.Single(expanded!.Attachments!)).ContentBytes);
        Assert.Equal(Pdf, copy.ToArray());
    }

    [Fact]
    public async Task ListMessages_SelectTopFilterOrderBy_PagesWithNextLink()
    {
        var user = f.NewUser();
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 25; i++)
            f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message($"m{i:00}"), receivedAt: start.AddDays(i));

        var first = await f.Graph.Users[user.Id].MailFolders["inbox"].Messages.GetAsync(r =>
        {
            r.QueryParameters.Select = ["subject", "receivedDateTime"];
            r.QueryParameters.Top = 4;
            r.QueryParameters.Filter = "receivedDateTime ge 2024-01-06T00:00:00Z";
            r.QueryParameters.Orderby = ["receivedDateTime asc"];
        });
        var seen = new List<Message>();
        await PageIterator<Message, MessageCollectionResponse>.CreatePageIterator(f.Graph, first!, m => { seen.Add(m); return true; }).IterateAsync();

        Assert.NotNull(first!.OdataNextLink);
        Assert.Equal(Enumerable.Range(5, 20).Select(i => $"m{i:00}"), seen.Select(m => m.Subject));
        Assert.All(seen, m => Assert.Null(m.Body));
    }

    [Fact]
    public async Task ListMessages_DefaultsToNewestFirst_TenPerPage()
    {
        var user = f.NewUser();
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 12; i++)
            f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message($"m{i:00}"), receivedAt: start.AddHours(i));

        var page = await f.Graph.Users[user.Id].Messages.GetAsync();

        Assert.Equal(10, page!.Value!.Count);
        Assert.Equal("m11", page.Value[0].Subject);
        Assert.NotNull(page.OdataNextLink);
    }
}
