using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Tests.TestSupport;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace M365Scanner.Core.Tests.Links.Extraction;

public class MeteredFilterProviderTests
{
    private static readonly DictionaryToken FlateDictionary = new(new Dictionary<NameToken, IToken>
    {
        [NameToken.Create("Filter")] = NameToken.Create("FlateDecode"),
    });

    private static Memory<byte> Decode(IFilterProvider provider, StreamToken stream) =>
        provider.GetFilters(stream.StreamDictionary).Single().Decode(stream.Data, stream.StreamDictionary, provider, 0);

    [Fact]
    public void Decode_HandsOutWhatItMadeOfAStreamAgain_WithoutChargingTheBudgetTwice()
    {
        var budget = new PdfDecodeBudget(64 * 1024 * 1024, 10 * 1024 * 1024);
        var provider = new MeteredFilterProvider(budget);
        var stream = new StreamToken(FlateDictionary, RawPdf.Deflate(new byte[100_000]));

        var first = Decode(provider, stream);
        var remaining = budget.Remaining;
        var second = Decode(provider, stream);

        Assert.Equal(100_000, first.Length);
        Assert.True(first.Equals(second), "the second decode is the first one's output");
        Assert.Equal(remaining, budget.Remaining);
    }

    [Fact]
    public void Decode_DecodesAgain_AStreamOfOtherBytes()
    {
        var budget = new PdfDecodeBudget(64 * 1024 * 1024, 10 * 1024 * 1024);
        var provider = new MeteredFilterProvider(budget);
        var deflated = RawPdf.Deflate(new byte[100_000]);

        var first = Decode(provider, new StreamToken(FlateDictionary, deflated));
        var remaining = budget.Remaining;
        var second = Decode(provider, new StreamToken(FlateDictionary, deflated.ToArray()));

        Assert.False(first.Equals(second));
        Assert.Equal(remaining - 100_000, budget.Remaining);
    }

    [Fact]
    public void Decode_KeepsNoOutputOverItsSizeLimit_SoEachDecodeIsChargedAgain()
    {
        var budget = new PdfDecodeBudget(64 * 1024 * 1024, 32 * 1024 * 1024);
        var provider = new MeteredFilterProvider(budget);
        var stream = new StreamToken(FlateDictionary, RawPdf.Deflate(new byte[MeteredFilterProvider.MaxKeptOutputBytes + 1]));

        var first = Decode(provider, stream);
        var remaining = budget.Remaining;
        var second = Decode(provider, stream);

        Assert.False(first.Equals(second));
        Assert.Equal(remaining - first.Length, budget.Remaining);
    }
}
