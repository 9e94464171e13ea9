using System.Text;
using M365Scanner.Core.Links.Extraction;

namespace M365Scanner.Core.Tests.Links.Extraction;

public class PdfContentOperatorsTests
{
    private static (long Operators, List<string> Drawn, bool ShowsText) Count(string content)
    {
        var drawn = new List<string>();
        var operators = PdfContentOperators.Count(Encoding.Latin1.GetBytes(content), name => { drawn.Add(name); return true; }, out var showsText);
        return (operators, drawn, showsText);
    }

    [Fact]
    public void Count_CountsOperatorsNotOperands()
    {
        var (operators, drawn, _) = Count("q 1 0 0 1 72 700 cm BT /F1 12 Tf (Hello) Tj [(a) -5 (b)] TJ ET Q");
        Assert.Equal(8, operators); // q cm BT Tf Tj TJ ET Q
        Assert.Empty(drawn);
    }

    [Fact]
    public void Count_ReportsTheNameOfEachDrawnXObject()
    {
        var (operators, drawn, _) = Count("/Im1 Do q /Fm2 Do Q");
        Assert.Equal(4, operators);
        Assert.Equal(["Im1", "Fm2"], drawn);
    }

    [Fact]
    public void Count_DecodesNameEscapes_SoAnEscapedNameFindsItsResource() =>
        Assert.Equal(["X0", "A B"], Count("/X#30 Do /A#20B Do").Drawn);

    [Theory]
    [InlineData("(a Do b) Tj", 1)]                 // operators inside a string are text
    [InlineData("(nested (x Do) y \\) Do) Tj", 1)] // nested and escaped parentheses
    [InlineData("<48656c6c6f> Tj % Do Do Do\n", 1)] // hex string, comment
    [InlineData("<< /MCID 0 >> BDC EMC", 2)]       // dictionaries are operands
    public void Count_SkipsStringsCommentsAndDictionaries(string content, long expected) =>
        Assert.Equal(expected, Count(content).Operators);

    [Fact]
    public void Count_SkipsInlineImageData()
    {
        // Binary image data may contain anything that looks like an operator.
        var (operators, _, _) = Count("BI /W 2 /H 2 /BPC 8 /CS /G ID \u0001Do Tj EIx\u0002 EI Q");
        Assert.Equal(2, operators); // BI (with its data) and Q
    }

    [Fact]
    public void Count_StopsEarly_WhenTheCallbackSaysSo()
    {
        var seen = 0;
        PdfContentOperators.Count("/A Do /B Do /C Do"u8, _ => ++seen < 2, out _);
        Assert.Equal(2, seen);
    }

    [Theory]
    [InlineData("BT /F1 12 Tf (Hello) Tj ET", true)]
    [InlineData("BT [(a) -5 (b)] TJ ET", true)]
    [InlineData("BT (next line) ' ET", true)]
    [InlineData("BT 1 2 (spaced) \" ET", true)]
    [InlineData("q 100 0 0 100 0 0 cm /Im1 Do Q", false)]               // an image: no letters
    [InlineData("q (Tj TJ) pop Q % Tj\n<546a> pop", false)]             // only in strings and comments
    [InlineData("BI /W 1 /H 1 /BPC 8 /CS /G ID \u0001Tj EI Q", false)] // only in inline image data
    [InlineData("BT /F1 12 Tf ET", false)]                               // a text object that shows nothing
    public void Count_SaysWhetherAnyOperatorShowsText(string content, bool expected) =>
        Assert.Equal(expected, Count(content).ShowsText);
}
