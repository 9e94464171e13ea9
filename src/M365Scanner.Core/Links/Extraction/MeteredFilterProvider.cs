using System.Runtime.InteropServices;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// PdfPig's stream filters, each charged to a <see cref="PdfDecodeBudget"/>: a Flate stream is inflated under the
/// budget (so a bomb is refused before more than the budget of its output exists); the other filters are charged with
/// what they produced. PdfPig's own filters have no limit at all.
/// </summary>
/// <remarks>A page's content streams and forms are decoded by its pricing and again by its rendering, from the same
/// stream (<see cref="PdfObjects"/> keeps each), so what a filter made of one stream's bytes is kept and handed out
/// again. It is charged to the budget again, as a decode would be: the budget bounds what a document makes the parse
/// go through, not only what it costs. Only what is small is kept (input and output, up to
/// <see cref="MaxKeptEntryBytes"/> each time and <see cref="MaxKeptBytes"/> in all).</remarks>
internal sealed class MeteredFilterProvider(PdfDecodeBudget budget) : IFilterProvider
{
    internal const int MaxKeptEntryBytes = 2 * 1024 * 1024;
    internal const long MaxKeptBytes = 8L * 1024 * 1024;

    private readonly IFilterProvider inner = DefaultFilterProvider.Instance;
    private readonly PdfDecodeBudget budget = budget;
    private readonly Dictionary<DecodeKey, Memory<byte>> decoded = [];
    private long keptBytes;

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Meter(inner.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Meter(inner.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Meter(inner.GetAllFilters());

    private IReadOnlyList<IFilter> Meter(IReadOnlyList<IFilter> filters) =>
        [.. filters.Select(f => (IFilter)new MeteredFilter(f, this))];

    // One filter's step over one stream's bytes: the same array, range, stream and position in its filter chain.
    private readonly record struct DecodeKey(byte[] Input, int Offset, int Length, DictionaryToken Stream, int Index, Type Filter);

    private Memory<byte> Decode(IFilter filter, Func<Memory<byte>> decode, Memory<byte> input, DictionaryToken stream, int index)
    {
        if (!MemoryMarshal.TryGetArray<byte>(input, out var segment) || segment.Array is null)
            return decode();
        var key = new DecodeKey(segment.Array, segment.Offset, segment.Count, stream, index, filter.GetType());
        lock (decoded)
        {
            if (decoded.TryGetValue(key, out var known))
            {
                budget.Charge(known.Length);
                return known;
            }
        }
        var output = decode();
        // The key holds the input array, so it is counted with the output.
        var entry = (long)segment.Count + output.Length;
        lock (decoded)
        {
            if (entry <= MaxKeptEntryBytes && keptBytes + entry <= MaxKeptBytes && decoded.TryAdd(key, output))
                keptBytes += entry;
        }
        return output;
    }

    private sealed class MeteredFilter(IFilter filter, MeteredFilterProvider provider) : IFilter
    {
        private static readonly NameToken DecodeParms = NameToken.Create("DecodeParms");
        private static readonly NameToken DecodeParmsShort = NameToken.Create("DP");

        private readonly PdfDecodeBudget budget = provider.budget;

        // PdfPig's Flate filter is internal; its type name is the one way to recognise it.
        private readonly bool isFlate = filter.GetType().Name == "FlateFilter";

        public bool IsSupported => filter.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex) =>
            provider.Decode(filter, () => Charged(input, streamDictionary, filterProvider, filterIndex), input, streamDictionary, filterIndex);

        private Memory<byte> Charged(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (isFlate && !HasDecodeParameters(streamDictionary) &&
                BoundedInflate.TryInflate(input, Math.Max(budget.Remaining, 0)) is { } inflated)
            {
                // Inflated once, as PdfPig would, rather than measured and then inflated again by PdfPig.
                budget.Charge(inflated.Length);
                return inflated;
            }
            if (isFlate)
                budget.Admit(BoundedInflate.Measure(input, Math.Max(budget.Remaining, 0)));
            var output = filter.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.Charge(output.Length);
            return output;
        }

        // A predictor (PNG or TIFF, in the decode parameters) is PdfPig's to apply; such streams keep its filter.
        private static bool HasDecodeParameters(DictionaryToken stream) =>
            stream.ContainsKey(DecodeParms) || stream.ContainsKey(DecodeParmsShort);
    }
}
