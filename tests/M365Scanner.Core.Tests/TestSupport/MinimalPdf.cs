using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace M365Scanner.Core.Tests.TestSupport;

/// <summary>One page of a <see cref="MinimalPdf"/>: the text drawn (Helvetica 12, one line per string, from the top)
/// and the annotation dictionaries, written as PDF source.</summary>
public sealed record MinimalPage(IReadOnlyList<string> Lines, IReadOnlyList<string> Annotations);

/// <summary>
/// Writes small PDFs by hand, byte for byte, for the cases PdfPig's builder cannot make: annotations of any shape
/// (no covered text, widgets, launch actions, indirect values) and standard-security encryption (RC4, 40-bit,
/// revision 2: the simplest the PDF specification defines, enough to make a reader need a password).
/// </summary>
public static class MinimalPdf
{
    /// <summary>A link annotation over the first line of text of a page (or over nothing, with another rect).</summary>
    public static string UriLink(string uri, string rect = "[70 760 400 780]") =>
        $"<< /Type /Annot /Subtype /Link /Rect {rect} /Border [0 0 0] /A << /S /URI /URI {Literal(uri)} >> >>";

    public static byte[] Build(params MinimalPage[] pages) => Build(pages, null);

    /// <summary>An encrypted one-page PDF with one text line and one URI link; <paramref name="userPassword"/> ""
    /// means anyone may open it (the usual "owner password only" PDF).</summary>
    public static byte[] BuildEncrypted(string line, string uri, string userPassword) =>
        Build([new MinimalPage([line], [UriLink(uri)])], new Rc4Encryption(userPassword, "owner-secret"));

    private static byte[] Build(IReadOnlyList<MinimalPage> pages, Rc4Encryption? encryption)
    {
        // 1 catalog, 2 page tree, 3 font, then per page: page, content, annotations; the encryption dictionary last.
        var objects = new List<(string Dictionary, byte[]? Stream)>();
        var pageRefs = new List<int>();
        var next = 4;
        var pageObjects = new List<(string, byte[]?)>();
        foreach (var page in pages)
        {
            var pageNumber = next++;
            var contentNumber = next++;
            var annotationNumbers = page.Annotations.Select(_ => next++).ToList();
            pageRefs.Add(pageNumber);
            var annots = annotationNumbers.Count == 0 ? "" : $" /Annots [{string.Join(' ', annotationNumbers.Select(n => $"{n} 0 R"))}]";
            pageObjects.Add(($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {contentNumber} 0 R{annots} >>", null));
            var content = new StringBuilder("BT /F1 12 Tf 14 TL 72 765 Td\n");
            foreach (var line in page.Lines)
                content.Append(CultureInfo.InvariantCulture, $"{Literal(line)} Tj T*\n");
            content.Append("ET\n");
            var bytes = Encoding.Latin1.GetBytes(content.ToString());
            pageObjects.Add(("<< >>", encryption?.Encrypt(contentNumber, bytes) ?? bytes));
            foreach (var (annotation, number) in page.Annotations.Zip(annotationNumbers))
                pageObjects.Add((encryption?.EncryptStrings(number, annotation) ?? annotation, null));
        }

        objects.Add(("<< /Type /Catalog /Pages 2 0 R >>", null));
        objects.Add(($"<< /Type /Pages /Kids [{string.Join(' ', pageRefs.Select(n => $"{n} 0 R"))}] /Count {pageRefs.Count} >>", null));
        objects.Add(("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>", null));
        objects.AddRange(pageObjects);
        if (encryption is not null)
            objects.Add((encryption.Dictionary, null));

        using var output = new MemoryStream();
        void Write(string s) => output.Write(Encoding.Latin1.GetBytes(s));
        Write("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            var (dictionary, stream) = objects[i];
            if (stream is null)
            {
                Write($"{i + 1} 0 obj\n{dictionary}\nendobj\n");
                continue;
            }
            Write($"{i + 1} 0 obj\n<< /Length {stream.Length} >>\nstream\n");
            output.Write(stream);
            Write("\nendstream\nendobj\n");
        }
        var xref = output.Position;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            Write($"{offset:D10} 00000 n \n");
        var encrypt = encryption is null ? "" : $" /Encrypt {objects.Count} 0 R /ID [<{Convert.ToHexString(Rc4Encryption.Id)}> <{Convert.ToHexString(Rc4Encryption.Id)}>]";
        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R{encrypt} >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    private static string Literal(string s) =>
        "(" + s.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)") + ")";

    /// <summary>PDF standard security handler, revision 2 (ISO 32000-1, 7.6.3, algorithms 2, 3 and 4).</summary>
    private sealed class Rc4Encryption
    {
        public static readonly byte[] Id = Convert.FromHexString("0123456789ABCDEF0123456789ABCDEF");

        private static readonly byte[] Padding = Convert.FromHexString(
            "28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A");

        private const int Permissions = -4;
        private readonly byte[] key;

        public Rc4Encryption(string userPassword, string ownerPassword)
        {
            var owner = Rc4(MD5.HashData(Pad(ownerPassword))[..5], Pad(userPassword));
            key = MD5.HashData([.. Pad(userPassword), .. owner, .. BitConverter.GetBytes(Permissions), .. Id])[..5];
            var user = Rc4(key, Padding);
            Dictionary = $"<< /Filter /Standard /V 1 /R 2 /Length 40 /P {Permissions} " +
                         $"/O <{Convert.ToHexString(owner)}> /U <{Convert.ToHexString(user)}> >>";
        }

        public string Dictionary { get; }

        public byte[] Encrypt(int objectNumber, byte[] data)
        {
            var n = BitConverter.GetBytes(objectNumber);
            return Rc4(MD5.HashData([.. key, n[0], n[1], n[2], 0, 0])[..10], data);
        }

        // Rewrites every literal string of an annotation dictionary (written without nested parentheses) as an
        // encrypted hex string.
        public string EncryptStrings(int objectNumber, string dictionary) =>
            System.Text.RegularExpressions.Regex.Replace(dictionary, @"\(((?:\\.|[^\\()])*)\)", m =>
                "<" + Convert.ToHexString(Encrypt(objectNumber, Encoding.Latin1.GetBytes(
                    System.Text.RegularExpressions.Regex.Replace(m.Groups[1].Value, @"\\(.)", "$1")))) + ">");

        private static byte[] Pad(string password)
        {
            var bytes = Encoding.Latin1.GetBytes(password);
            return [.. bytes.Take(32), .. Padding.Take(32 - Math.Min(32, bytes.Length))];
        }

        private static byte[] Rc4(byte[] rc4Key, byte[] data)
        {
            var s = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
            for (int i = 0, j = 0; i < 256; i++)
            {
                j = (j + s[i] + rc4Key[i % rc4Key.Length]) & 0xFF;
                (s[i], s[j]) = (s[j], s[i]);
            }
            var result = new byte[data.Length];
            for (int k = 0, i = 0, j = 0; k < data.Length; k++)
            {
                i = (i + 1) & 0xFF;
                j = (j + s[i]) & 0xFF;
                (s[i], s[j]) = (s[j], s[i]);
                result[k] = (byte)(data[k] ^ s[(s[i] + s[j]) & 0xFF]);
            }
            return result;
        }
    }
}
