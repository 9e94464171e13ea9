using System.Text;
using M365Scanner.HostileCorpus.Mail;
using M365Scanner.HostileCorpus.Office;

namespace M365Scanner.HostileCorpus.Items;

/// <summary>The lure with nothing hostile around it, in each kind of part: today's scanner must find and flag it.
/// They prove the hostile items' links would be caught if they were read.</summary>
internal static class ControlItems
{
    public static IEnumerable<HostileItem> All =>
    [
        Control(PdfItem.Of("control-pdf-link", "the lure PDF: one page, the link over the trusted address",
            (pdf, url) => pdf.AddLurePage(url), noteExpected: false)),
        Control(new HostileItem
        {
            Name = "control-html-link",
            Description = "the lure in an HTML body",
            Build = url => LureMessage.With("control-html-link",
                LureMessage.Html($"<p>Your invoice is ready: {LureMessage.LureAnchor(url)}</p>")),
        }),
        Control(OfficeItems.Docx("control-docx-link", "the lure Word document: one paragraph, the hyperlink over the trusted address",
            s => s.Write(Encoding.UTF8.GetBytes(Docx.DocumentStart + Docx.LureParagraph + Docx.DocumentEnd)),
            noteExpected: false)),
    ];

    private static HostileItem Control(HostileItem item) => new()
    {
        Name = item.Name,
        Description = item.Description,
        Attachment = item.Attachment,
        NoteExpected = false,
        IsControl = true,
        Build = item.Build,
    };
}
