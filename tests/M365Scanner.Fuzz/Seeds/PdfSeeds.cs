using System.Globalization;
using System.IO.Compression;
using System.Text;
using M365Scanner.Core.Tests.TestSupport;

namespace M365Scanner.Fuzz.Seeds;

/// <summary>The PDF seeds: small files that reach each part of the PDF readers (classic and stream cross-references,
/// object streams, Flate, incremental updates, encryption, every annotation action the extractor reads, form
/// XObjects, repair after damage), written here byte for byte.</summary>
internal static class PdfSeeds
{
    private const string Font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

    public static IEnumerable<(string Name, byte[] Bytes)> All()
    {
        yield return ("minimal-link.pdf", MinimalPdf.Build(
            new MinimalPage(["Open the invoice", "or visit http://text.example/invoice"], [MinimalPdf.UriLink("http://annot.example/a")])));

        yield return ("two-pages-actions.pdf", MinimalPdf.Build(
            new MinimalPage(["Page one"], [
                MinimalPdf.UriLink("https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fevil.example%2F", "[0 0 612 792]"),
                "<< /Type /Annot /Subtype /Widget /FT /Btn /Rect [10 10 50 50] /A << /S /Launch /Win << /F (https://win.example/x.exe) >> >> >>",
                "<< /Type /Annot /Subtype /Link /Rect [1 2 3 4] /A << /S /GoToR /F << /Type /Filespec /UF (http://gotor.example/doc.pdf) >> /D [0 /Fit] >> >>",
                "<< /Type /Annot /Subtype /Link /Rect [1 2 3 4] /AA << /E << /S /URI /URI <687474703a2f2f6865782e6578616d706c652f> >> >> >>",
                "<< /Type /Annot /Subtype /Link /Rect [1 2] /A << /S /JavaScript /JS (app.launchURL\\('http://js.example/'\\)) /Next [<< /S /URI /URI (www.next.example) >> << /S /SubmitForm /F (https://submit.example/) >>] >> >>",
            ]),
            new MinimalPage(["Page two www.second.example/path"], ["<< /Type /Annot /Subtype /Link /Rect [70 760 400 780] /A << /S /URI /URI (  http://padded.example/\0\0 ) >> >>"])));

        yield return ("encrypted-open.pdf", MinimalPdf.BuildEncrypted("Pay here", "http://encrypted.example/", ""));
        yield return ("encrypted-password.pdf", MinimalPdf.BuildEncrypted("Password in mail", "http://locked.example/", "fuzz"));

        yield return ("indirect-flate.pdf", Write(
        [
            Obj("<< /Type /Catalog /Pages 2 0 R >>"),
            Obj("<< /Type /Pages /Kids [4 0 R] /Count 1 >>"),
            Obj(Font),
            Obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> /XObject << /X1 7 0 R >> >> /Contents 5 0 R /Annots 6 0 R >>"),
            Flate("<< /Filter /FlateDecode >>", "BT /F1 12 Tf 72 700 Td (Flate text https://flate.example/x) Tj ET /X1 Do"),
            Obj("[8 0 R]"),
            Stream("<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /Font << /F1 3 0 R >> /XObject << /X2 10 0 R >> >> >>",
                "BT /F1 10 Tf 0 0 Td (in form http://form.example/) Tj ET /X2 Do /X2 Do"),
            Obj("<< /Type /Annot /Subtype /Link /Rect 9 0 R /A << /S /URI /URI 11 0 R >> >>"),
            Obj("[72 690 300 720]"),
            Stream("<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] >>", "0 0 m 10 10 l S"),
            Obj("(http://indirect-uri.example/)"),
        ], XrefKind.Table));

        yield return ("xref-stream-objstm.pdf", Write(
        [
            Obj("<< /Type /Catalog /Pages 2 0 R >>"),
            Obj("<< /Type /Pages /Kids [4 0 R] /Count 1 >>"),
            Obj(Font),
            Obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R /Annots [6 0 R] >>"),
            Stream("<< >>", "BT /F1 12 Tf 72 700 Td (object streams http://objstm.example/) Tj ET"),
            Obj("<< /Type /Annot /Subtype /Link /Rect [72 690 300 720] /A << /S /URI /URI (http://packed.example/) >> >>", packed: true),
        ], XrefKind.Stream));

        yield return ("incremental-update.pdf", IncrementalUpdate());

        yield return ("no-xref-damaged.pdf", Write(
        [
            Obj("<< /Type /Catalog /Pages 2 0 R >>"),
            Obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [<< /Subtype /Link /A << /S /URI /URI (http://repaired.example/) >> >>] >>"),
        ], XrefKind.None));

        var truncated = MinimalPdf.Build(new MinimalPage(["cut"], [MinimalPdf.UriLink("http://truncated.example/")]));
        yield return ("truncated.pdf", truncated[..(truncated.Length * 2 / 3)]);

        yield return ("header-only.pdf", "%PDF-1.7\n"u8.ToArray());
    }

    public static IEnumerable<string> DictionaryTokens() =>
    [
        "%PDF-1.4\n", "%%EOF", " obj\n", "\nendobj\n", "stream\n", "\nendstream", "xref\n", "0 1\n", "0000000000 65535 f \n",
        " 00000 n \n", "trailer", "startxref\n", " 0 R", "<<", ">>", "[", "]", "(", ")", "<", ">", "/Type", "/Catalog",
        "/Pages", "/Page", "/Kids", "/Count", "/Parent", "/MediaBox", "/Resources", "/Font", "/XObject", "/Form", "/Subtype",
        "/Contents", "/Annots", "/Annot", "/Link", "/Widget", "/Rect", "/A", "/AA", "/S", "/URI", "/Launch", "/GoToR",
        "/GoToE", "/SubmitForm", "/ImportData", "/JavaScript", "/Next", "/F", "/UF", "/Win", "/Filespec", "/Length",
        "/Filter", "/FlateDecode", "/ASCIIHexDecode", "/ASCII85Decode", "/LZWDecode", "/RunLengthDecode", "/DecodeParms",
        "/Predictor", "/Columns", "/ObjStm", "/XRef", "/N", "/First", "/W", "/Index", "/Size", "/Root", "/Prev", "/Encrypt",
        "/ID", "/Info", "/BBox", "/Do", "BT", "ET", "Tf", "Td", "TJ", "Tj", "T*", "q", "Q", "cm", "re", "null", "true",
        "false", "-1", "4294967296", "1e308", "http://", "www.", "\\(", "\\\\", "\\n", "#20",
    ];

    private enum XrefKind { Table, Stream, None }

    private sealed record PdfObject(string Dictionary, byte[]? Stream, bool Packed);

    private static PdfObject Obj(string body, bool packed = false) => new(body, null, packed);

    private static PdfObject Stream(string dictionary, string content) => new(dictionary, Encoding.Latin1.GetBytes(content), false);

    private static PdfObject Flate(string dictionary, string content)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal))
            zlib.Write(Encoding.Latin1.GetBytes(content));
        return new(dictionary, buffer.ToArray(), false);
    }

    // Objects are numbered from 1 in list order; catalog first. Packed objects go into one object stream, which needs
    // a cross-reference stream to be found.
    private static byte[] Write(IReadOnlyList<PdfObject> objects, XrefKind xref)
    {
        using var output = new MemoryStream();
        void Put(string s) => output.Write(Encoding.Latin1.GetBytes(s));
        Put("%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n");

        var offsets = new Dictionary<int, long>();
        var packed = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            var number = i + 1;
            var o = objects[i];
            if (o.Packed)
            {
                packed.Add(number);
                continue;
            }
            offsets[number] = output.Position;
            if (o.Stream is null)
            {
                Put($"{number} 0 obj\n{o.Dictionary}\nendobj\n");
                continue;
            }
            var dictionary = o.Dictionary.TrimEnd().EndsWith(">>", StringComparison.Ordinal)
                ? o.Dictionary.TrimEnd()[..^2] + $" /Length {o.Stream.Length} >>"
                : o.Dictionary;
            Put($"{number} 0 obj\n{dictionary}\nstream\n");
            output.Write(o.Stream);
            Put("\nendstream\nendobj\n");
        }

        var objStm = 0;
        if (packed.Count > 0)
        {
            objStm = objects.Count + 1;
            var header = new StringBuilder();
            var body = new StringBuilder();
            foreach (var number in packed)
            {
                header.Append(CultureInfo.InvariantCulture, $"{number} {body.Length} ");
                body.Append(objects[number - 1].Dictionary).Append('\n');
            }
            var first = header.Length;
            offsets[objStm] = output.Position;
            var content = header + body.ToString();
            Put($"{objStm} 0 obj\n<< /Type /ObjStm /N {packed.Count} /First {first} /Length {content.Length} >>\nstream\n{content}\nendstream\nendobj\n");
        }

        var size = objects.Count + 1 + (objStm > 0 ? 1 : 0);
        var start = output.Position;
        switch (xref)
        {
            case XrefKind.Table:
                Put($"xref\n0 {size}\n0000000000 65535 f \n");
                for (var n = 1; n < size; n++)
                    Put($"{offsets[n]:D10} 00000 n \n");
                Put($"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{start}\n%%EOF\n");
                break;
            case XrefKind.Stream:
                var xrefNumber = size;
                offsets[xrefNumber] = start;
                var rows = new List<byte>();
                void Row(byte type, long field2, int field3)
                {
                    rows.Add(type);
                    rows.AddRange([(byte)(field2 >> 24), (byte)(field2 >> 16), (byte)(field2 >> 8), (byte)field2]);
                    rows.AddRange([(byte)(field3 >> 8), (byte)field3]);
                }
                Row(0, 0, 65535);
                for (var n = 1; n <= xrefNumber; n++)
                {
                    if (packed.Contains(n))
                        Row(2, objStm, packed.IndexOf(n));
                    else
                        Row(1, offsets[n], 0);
                }
                Put($"{xrefNumber} 0 obj\n<< /Type /XRef /Size {xrefNumber + 1} /W [1 4 2] /Root 1 0 R /Length {rows.Count} >>\nstream\n");
                output.Write(rows.ToArray());
                Put($"\nendstream\nendobj\nstartxref\n{start}\n%%EOF\n");
                break;
            case XrefKind.None:
                Put("%%EOF\n");
                break;
        }
        return output.ToArray();
    }

    // A second revision that replaces the annotation's action, as our own rewriter writes one.
    private static byte[] IncrementalUpdate()
    {
        var original = MinimalPdf.Build(new MinimalPage(["revised"], [MinimalPdf.UriLink("http://old.example/")]));
        var text = Encoding.Latin1.GetString(original);
        var previous = text[(text.LastIndexOf("startxref\n", StringComparison.Ordinal) + "startxref\n".Length)..].Split('\n')[0];
        var update = new StringBuilder(text);
        var offset = update.Length;
        update.Append("6 0 obj\n<< /Type /Annot /Subtype /Link /Rect [70 760 400 780] /A << /S /URI /URI (http://new.example/) >> >>\nendobj\n");
        var xref = update.Length;
        update.Append(CultureInfo.InvariantCulture, $"xref\n6 1\n{offset:D10} 00000 n \ntrailer\n<< /Size 7 /Root 1 0 R /Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(update.ToString());
    }
}
