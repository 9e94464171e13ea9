using M365Scanner.HostileCorpus;
using MimeKit;

namespace M365Scanner.Core.Tests.Hostile;

/// <summary>The hostile part of a corpus item, decoded, for the generator's own tests.</summary>
internal static class CorpusDocuments
{
    public static byte[] AttachmentOf(HostileItem item)
    {
        var part = item.ToMessage().Attachments.OfType<MimePart>().Single(p => p.FileName == item.Attachment);
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }

    public static IEnumerable<HostileItem> Pdfs => Corpus.All.Where(i => i.Attachment?.EndsWith(".pdf", StringComparison.Ordinal) == true);
}
