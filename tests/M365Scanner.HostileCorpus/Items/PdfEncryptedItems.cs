using M365Scanner.HostileCorpus.Pdf;
using static M365Scanner.HostileCorpus.Pdf.PdfSource;

namespace M365Scanner.HostileCorpus.Items;

/// <summary>A PDF that opens only with a user password the message never gives (issue 11, finding 4: noted, and
/// allowed): nothing in it can be read, so only a fail-safe decision stops it.</summary>
internal static class PdfEncryptedItems
{
    // Not written anywhere in the message: the body says nothing of a password.
    internal const string UserPassword = "Q7v!rT2x";

    public static IEnumerable<HostileItem> All =>
    [
        PdfItem.Bytes("pdf-encrypted",
            "the lure PDF encrypted with the standard security handler (RC4) and a user password the message never gives",
            Encrypted),
    ];

    private static byte[] Encrypted(string url)
    {
        var security = new PdfRc4Security(UserPassword, "owner-8d1f", Convert.FromHexString("5A1C9E0B77D24F3A8B6E01C4D9F2A730"));
        var writer = new PdfWriter();
        var catalog = writer.Reserve();
        var pages = writer.Reserve();
        var font = writer.Add(Helvetica);
        var content = writer.Reserve();
        writer.SetStream(content, "", security.Encrypt(content,
            TextContent(Lure.DisplayText, "Sign in with your work account to open the invoice.")));
        var link = writer.Reserve();
        writer.Set(link, $"<< /Type /Annot /Subtype /Link /Rect {FirstLineRect} /Border [0 0 0] " +
                         $"/A << /S /URI /URI {security.HexString(link, url)} >> >>");
        var page = writer.Add($"<< /Type /Page /Parent {Ref(pages)} /MediaBox [0 0 612 792] " +
                              $"/Resources << /Font << /F1 {Ref(font)} >> >> /Contents {Ref(content)} /Annots [{Ref(link)}] >>");
        writer.Set(pages, $"<< /Type /Pages /Kids [{Ref(page)}] /Count 1 >>");
        writer.Set(catalog, $"<< /Type /Catalog /Pages {Ref(pages)} >>");
        var encrypt = writer.Add(security.Dictionary);
        return writer.ToBytes(catalog, security.TrailerEntries(encrypt));
    }
}
