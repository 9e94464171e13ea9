using M365Scanner.Host.Exports;

namespace M365Scanner.Host.Tests.Exports;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("Invoice", "Invoice")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("=HYPERLINK(\"u\",\"a, b\")", "\"'=HYPERLINK(\"\"u\"\",\"\"a, b\"\")\"")]
    [InlineData("a=b", "a=b")]
    public void Of_QuotesAsRfc4180_AndPrefixesWhatASpreadsheetWouldRun(string? value, string expected) =>
        Assert.Equal(expected, CsvCell.Of(value));
}
