using M365Scanner.Graph.Mail;
using Microsoft.Graph.Models;

namespace M365Scanner.Graph.Tests.Mail;

public sealed class GraphMessageMapperTests
{
    private static Recipient R(string address, string? name = null) => new() { EmailAddress = new EmailAddress { Address = address, Name = name } };

    private static Message Sample() => new()
    {
        Id = "m1",
        InternetMessageId = "<abc@partner.example>",
        Subject = "Invoice",
        From = R("alice@partner.example", "Alice"),
        Sender = R("bulk@mailer.example"),
        ReplyTo = [R("reply@partner.example")],
        ToRecipients = [R("bob@contoso.com", "Bob")],
        CcRecipients = [R("carol@contoso.com")],
        BccRecipients = [R("dave@contoso.com")],
        SentDateTime = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero),
        ReceivedDateTime = new DateTimeOffset(2024, 5, 1, 10, 0, 5, TimeSpan.Zero),
        Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>hi <a href=\"https://x.example\">x</a></p>" },
        InternetMessageHeaders =
        [
            new() { Name = "Authentication-Results", Value = "mx.contoso.com; spf=pass" },
            new() { Name = "ARC-Authentication-Results", Value = "i=1; mx; dkim=pass" },
            new() { Name = "In-Reply-To", Value = "<parent@contoso.com>" },
            new() { Name = "References", Value = "<root@contoso.com> <parent@contoso.com>" },
        ],
    };

    [Fact]
    public void Map_CopiesAddressesDatesSubjectAndIds_WithoutAngleBrackets()
    {
        var m = GraphMessageMapper.Map(Sample());

        Assert.Equal("abc@partner.example", m.InternetMessageId);
        Assert.Equal("Invoice", m.Subject);
        Assert.Equal(new("alice@partner.example", "Alice"), m.From);
        Assert.Equal("bulk@mailer.example", m.Sender!.Address);
        Assert.Equal("reply@partner.example", Assert.Single(m.ReplyTo).Address);
        Assert.Equal(new("bob@contoso.com", "Bob"), Assert.Single(m.To));
        Assert.Equal("carol@contoso.com", Assert.Single(m.Cc).Address);
        Assert.Equal("dave@contoso.com", Assert.Single(m.Bcc).Address);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), m.SentAt);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 5, TimeSpan.Zero), m.ReceivedAt);
    }

    [Fact]
    public void Map_LiftsAuthenticationResultsAndThreadingFromHeaders()
    {
        var m = GraphMessageMapper.Map(Sample());

        Assert.Equal(["mx.contoso.com; spf=pass", "i=1; mx; dkim=pass"], m.AuthenticationResults);
        Assert.Equal("parent@contoso.com", m.InReplyTo);
        Assert.Equal(["root@contoso.com", "parent@contoso.com"], m.References);
        Assert.Equal(4, m.Headers.Count);
    }

    [Fact]
    public void Map_PutsHtmlBodyInHtml_AndTextBodyInText()
    {
        var html = GraphMessageMapper.Map(Sample());
        var text = GraphMessageMapper.Map(new Message { Body = new ItemBody { ContentType = BodyType.Text, Content = "see https://x.example" } });

        Assert.StartsWith("<p>hi", html.HtmlBody);
        Assert.Null(html.TextBody);
        Assert.Equal("see https://x.example", text.TextBody);
        Assert.Null(text.HtmlBody);
    }

    [Fact]
    public void Map_FileAttachments_KeepBytesSizeInlineAndLowerCaseType_DropBytesOverCap()
    {
        var message = new Message
        {
            Attachments =
            [
                new FileAttachment { Id = "a1", Name = "doc.pdf", ContentType = "Application/PDF", ContentBytes = [1, 2, 3], Size = 3 },
                new FileAttachment { Id = "a2", Name = "logo.png", ContentType = "image/png", ContentBytes = [9], Size = 1, IsInline = true },
                new FileAttachment { Id = "a3", Name = "big.zip", ContentType = "application/zip", ContentBytes = new byte[50], Size = 50 },
                new ReferenceAttachment { Id = "a4", Name = "cloud link" },
                new ItemAttachment { Id = "a5", Name = "", Size = 4 },
            ],
        };

        var m = GraphMessageMapper.Map(message, new Dictionary<string, byte[]> { ["a5"] = [7, 7, 7, 7] }, maxAttachmentBytes: 10);

        Assert.Equal(4, m.Attachments.Count);
        Assert.Equal(("doc.pdf", "application/pdf", 3L, false), (m.Attachments[0].FileName, m.Attachments[0].ContentType, m.Attachments[0].Size, m.Attachments[0].IsInline));
        Assert.Equal(new byte[] { 1, 2, 3 }, m.Attachments[0].Content.ToArray());
        Assert.True(m.Attachments[1].IsInline);
        Assert.False(m.Attachments[2].HasContent);
        Assert.Equal(50, m.Attachments[2].Size);
        Assert.Equal(("attachment-4", "message/rfc822"), (m.Attachments[3].FileName, m.Attachments[3].ContentType));
        Assert.Equal(new byte[] { 7, 7, 7, 7 }, m.Attachments[3].Content.ToArray());
    }

    [Fact]
    public void Map_EmptyMessage_HasNoAddressesOrBody()
    {
        var m = GraphMessageMapper.Map(new Message());

        Assert.Null(m.From);
        Assert.Empty(m.To);
        Assert.Null(m.HtmlBody);
        Assert.Null(m.InternetMessageId);
        Assert.Empty(m.Attachments);
    }
}
