using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.HostileCorpus;

namespace M365Scanner.Core.Tests.Hostile;

/// <summary>The folded-header item is what it claims, and the reader notes it as not read instead of spending
/// minutes in MimeKit's parse.</summary>
public class MimeHeaderItemTests
{
    private static readonly HostileItem Item = Corpus.Get("mime-eml-folded-header");

    [Fact]
    public void Item_AttachesAMessageWithOneHeaderFoldedOver60000Lines_AndTheLinkInItsBody()
    {
        var eml = Encoding.ASCII.GetString(CorpusDocuments.AttachmentOf(Item));
        var headerEnd = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);

        Assert.Equal(60_000, eml[..headerEnd].Split("\r\n").Count(line => line.StartsWith(' ')));
        Assert.Contains(Item.MaliciousUrl, eml[headerEnd..]);
    }

    [Fact]
    public void Extract_NotesTheAttachedMessageAsNotRead_BeforeParsingIt()
    {
        using var written = new MemoryStream();
        Item.WriteTo(written);
        var message = EmlReader.Read(written.ToArray());

        var result = new MessageLinkExtractor().Extract(message);

        var note = Assert.Single(result.Notes, n => n.Contains(Item.Attachment!, StringComparison.Ordinal));
        Assert.Contains("would make parsing its MIME structure copy more than 1 GiB", note);
        Assert.True(ContentGaps.IsGap(note));
    }
}
