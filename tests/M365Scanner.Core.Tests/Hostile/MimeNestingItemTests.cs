using M365Scanner.HostileCorpus;
using MimeKit;

namespace M365Scanner.Core.Tests.Hostile;

/// <summary>The nesting items are as deep as they claim, and a parser without a depth limit finds the link innermost.</summary>
public class MimeNestingItemTests
{
    private static MimeMessage Reread(HostileItem item)
    {
        using var written = new MemoryStream();
        item.WriteTo(written);
        written.Position = 0;
        return MimeMessage.Load(new ParserOptions { MaxMimeDepth = 1000 }, written);
    }

    [Fact]
    public void MultipartItem_Nests100Multiparts_WithTheLinkInTheInnermostPart()
    {
        var item = Corpus.Get("mime-multipart-100-deep");

        var entity = Reread(item).Body;
        var depth = 0;
        for (; entity is Multipart multipart; depth++)
            entity = Assert.Single(multipart);

        Assert.Equal(100, depth);
        Assert.Contains(item.MaliciousUrl, Assert.IsType<TextPart>(entity).Text);
    }

    [Fact]
    public void Rfc822Item_Nests10AttachedMessages_WithTheLinkInTheInnermostBody()
    {
        var item = Corpus.Get("mime-rfc822-10-deep");

        var message = Reread(item);
        var depth = 0;
        for (; message.Attachments.OfType<MessagePart>().SingleOrDefault() is { } attached; depth++)
        {
            Assert.DoesNotContain(item.MaliciousUrl, message.TextBody ?? "");
            message = Assert.IsType<MimeMessage>(attached.Message);
        }

        Assert.Equal(10, depth);
        Assert.Contains(item.MaliciousUrl, message.HtmlBody);
    }
}
