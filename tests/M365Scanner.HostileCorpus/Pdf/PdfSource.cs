using System.Text;

namespace M365Scanner.HostileCorpus.Pdf;

/// <summary>Pieces of PDF source the corpus writes again and again.</summary>
public static class PdfSource
{
    /// <summary>Where the first line of <see cref="TextContent"/> is drawn, so a link there covers it.</summary>
    public const string FirstLineRect = "[70 760 400 780]";

    public const string Helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

    public static string Ref(int number) => $"{number} 0 R";

    public static string Literal(string s) =>
        "(" + s.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)") + ")";

    public static string UriAction(string uri) => $"<< /S /URI /URI {Literal(uri)} >>";

    /// <summary>A well-formed link annotation, by default over the first line of text.</summary>
    public static string UriLink(string uri, string rect = FirstLineRect) =>
        $"<< /Type /Annot /Subtype /Link /Rect {rect} /Border [0 0 0] /A {UriAction(uri)} >>";

    /// <summary>Content drawing <paramref name="lines"/> in Helvetica 12 (resource /F1), one per line from the top.</summary>
    public static byte[] TextContent(params string[] lines) => Encoding.Latin1.GetBytes(TextOperators(lines));

    public static string TextOperators(params string[] lines)
    {
        var content = new StringBuilder("BT /F1 12 Tf 14 TL 72 765 Td\n");
        foreach (var line in lines)
            content.Append(Literal(line)).Append(" Tj T*\n");
        return content.Append("ET\n").ToString();
    }
}
