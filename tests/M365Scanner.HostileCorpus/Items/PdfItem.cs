using M365Scanner.HostileCorpus.Mail;
using M365Scanner.HostileCorpus.Pdf;

namespace M365Scanner.HostileCorpus.Items;

/// <summary>An item whose hostile part is a PDF attached as <see cref="FileName"/>.</summary>
internal static class PdfItem
{
    public const string FileName = "invoice.pdf";

    /// <summary>An item built on <see cref="LurePdf"/>: <paramref name="build"/> adds the pages, then the file is
    /// finished as usual.</summary>
    public static HostileItem Of(string name, string description, Action<LurePdf, string> build, bool noteExpected = true) =>
        Of(name, description, (pdf, url) =>
        {
            build(pdf, url);
            return pdf.Finish();
        }, noteExpected);

    /// <summary>An item that finishes the <see cref="LurePdf"/> itself (to replace the page tree).</summary>
    public static HostileItem Of(string name, string description, Func<LurePdf, string, byte[]> build,
        bool noteExpected = true) =>
        Bytes(name, description, url => build(new LurePdf(), url), noteExpected);

    /// <summary>An item whose PDF bytes <paramref name="build"/> writes outright.</summary>
    public static HostileItem Bytes(string name, string description, Func<string, byte[]> build, bool noteExpected = true) =>
        new()
        {
            Name = name,
            Description = description,
            Attachment = FileName,
            NoteExpected = noteExpected,
            Build = url => LureMessage.WithAttachment(name,
                LureMessage.Attachment(FileName, "application", "pdf", build(url))),
        };
}
