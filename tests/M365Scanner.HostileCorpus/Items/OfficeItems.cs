using System.Text;
using M365Scanner.HostileCorpus.Mail;
using M365Scanner.HostileCorpus.Office;
using M365Scanner.HostileCorpus.Pdf;

namespace M365Scanner.HostileCorpus.Items;

/// <summary>Word documents that cost a reader: a zip bomb and an XML nested 100,000 deep. The link is an ordinary
/// hyperlink relationship; what the bomb and the nesting hide is the trusted address shown over it.</summary>
internal static class OfficeItems
{
    public const string FileName = "invoice.docx";

    public static IEnumerable<HostileItem> All =>
    [
        Docx("docx-zip-bomb",
            "word/document.xml inflates past 1 GiB of whitespace (about 1 MB in the zip) before the paragraph that shows the link",
            s =>
            {
                s.Write(Encoding.UTF8.GetBytes(Office.Docx.DocumentStart));
                Flate.WriteRepeated(s, "<w:p/>"u8, 6);
                Flate.WriteRepeated(s, " "u8, (1L << 30) + (1 << 20));
                s.Write(Encoding.UTF8.GetBytes(Office.Docx.LureParagraph + Office.Docx.DocumentEnd));
            }),
        Docx("docx-deep-xml",
            "word/document.xml nests 100,000 elements, the paragraph that shows the link innermost",
            s =>
            {
                s.Write(Encoding.UTF8.GetBytes(Office.Docx.DocumentStart));
                Flate.WriteRepeated(s, "<w:sdtContent>"u8, 100_000L * 14);
                s.Write(Encoding.UTF8.GetBytes(Office.Docx.LureParagraph));
                Flate.WriteRepeated(s, "</w:sdtContent>"u8, 100_000L * 15);
                s.Write(Encoding.UTF8.GetBytes(Office.Docx.DocumentEnd));
            },
            // A streaming XML reader has no depth to exhaust: the whole document is read, so nothing is left to note.
            noteExpected: false),
    ];

    public static HostileItem Docx(string name, string description, Action<Stream> writeDocument, bool noteExpected = true) =>
        new()
        {
            Name = name,
            Description = description,
            Attachment = FileName,
            NoteExpected = noteExpected,
            Build = url => LureMessage.WithAttachment(name, LureMessage.Attachment(FileName, "application",
                "vnd.openxmlformats-officedocument.wordprocessingml.document", Office.Docx.Build(url, writeDocument))),
        };
}
