using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Tests.TestSupport;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace M365Scanner.Core.Tests.Links.Extraction;

public class MeteredFilterProviderTests
{
    private static readonly DictionaryToken FlateDictionary = Filtered("FlateDecode");
    private static readonly DictionaryToken Ascii85Dictionary = Filtered("ASCII85Decode");

    private static DictionaryToken Filtered(string filter) =>
        new(new Dictionary<NameToken, IToken> { [NameToken.Create("Filter")] = NameToken.Create(filter) });

    private static Memory<byte> Decode(IFilterProvider provider, StreamToken stream) =>
        provider.GetFilters(stream.StreamDictionary).Single().Decode(stream.Data, stream.StreamDictionary, provider, 0);

    // Per stream 64 MiB, so what is left is what the document's budget has left.
    private static PdfDecodeBudget Budget(long perDocument) => new(64 * 1024 * 1024, perDocument);

    [Fact]
    public void Decode_HandsOutWhatItMadeOfAStreamAgain_ChargedAsADecodeWouldBe()
    {
        var budget = Budget(10 * 1024 * 1024);
        var provider = new MeteredFilterProvider(budget);
        var stream = new StreamToken(FlateDictionary, RawPdf.Deflate(new byte[100_000]));

        var first = Decode(provider, stream);
        var remaining = budget.Remaining;
        var second = Decode(provider, stream);

        Assert.Equal(100_000, first.Length);
        Assert.True(first.Equals(second), "the second decode is the first one's output");
        Assert.Equal(remaining - 100_000, budget.Remaining);
    }

    [Fact]
    public void Decode_RefusesWhatItKept_OnceTheBudgetIsSpent()
    {
        var provider = new MeteredFilterProvider(Budget(250_000));
        var stream = new StreamToken(FlateDictionary, RawPdf.Deflate(new byte[100_000]));
        Decode(provider, stream);
        Decode(provider, stream);

        Assert.Throws<PdfBudgetExceededException>(() => Decode(provider, stream));
    }

    [Fact]
    public void Decode_DecodesAgain_AStreamOfOtherBytes()
    {
        var provider = new MeteredFilterProvider(Budget(10 * 1024 * 1024));
        var deflated = RawPdf.Deflate(new byte[100_000]);

        var first = Decode(provider, new StreamToken(FlateDictionary, deflated));
        var second = Decode(provider, new StreamToken(FlateDictionary, deflated.ToArray()));

        Assert.False(first.Equals(second));
    }

    [Fact]
    public void Decode_KeepsNothingOverItsSizeLimit()
    {
        var provider = new MeteredFilterProvider(Budget(32 * 1024 * 1024));
        var stream = new StreamToken(FlateDictionary, RawPdf.Deflate(new byte[MeteredFilterProvider.MaxKeptEntryBytes + 1]));

        Assert.False(Decode(provider, stream).Equals(Decode(provider, stream)));
    }

    // A stream that decodes to little still has its input held by what is kept: 40 streams of 1 MiB are more than
    // the 8 MiB kept in all, so the last of them are not kept.
    [Fact]
    public void Decode_CountsTheInputItKeepsAlive()
    {
        var provider = new MeteredFilterProvider(Budget(256 * 1024 * 1024));
        var streams = Enumerable.Range(0, 40).Select(_ =>
        {
            var data = new byte[1024 * 1024];
            "87cURD]i,\"Ebo80~>"u8.CopyTo(data); // "Hello World", then nothing is read
            return new StreamToken(Ascii85Dictionary, data);
        }).ToList();
        foreach (var stream in streams)
            Decode(provider, stream);

        var kept = streams.Count(stream => Decode(provider, stream).Equals(Decode(provider, stream)));
        Assert.InRange(kept, 1, (int)(MeteredFilterProvider.MaxKeptBytes / (1024 * 1024)));
    }
}
