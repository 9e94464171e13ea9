using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// PdfPig's stream filters, each charged to a <see cref="PdfDecodeBudget"/>: a Flate stream is inflated under the
/// budget (so a bomb is refused before more than the budget of its output exists); the other filters are charged with
/// what they produced. PdfPig's own filters have no limit at all.
/// </summary>
internal sealed class MeteredFilterProvider(PdfDecodeBudget budget) : IFilterProvider
{
    private readonly IFilterProvider inner = DefaultFilterProvider.Instance;

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Meter(inner.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Meter(inner.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Meter(inner.GetAllFilters());

    private IReadOnlyList<IFilter> Meter(IReadOnlyList<IFilter> filters) =>
        [.. filters.Select(f => (IFilter)new MeteredFilter(f, budget))];

    private sealed class MeteredFilter(IFilter filter, PdfDecodeBudget budget) : IFilter
    {
        private static readonly NameToken DecodeParms = NameToken.Create("DecodeParms");
        private static readonly NameToken DecodeParmsShort = NameToken.Create("DP");

        // PdfPig's Flate filter is internal; its type name is the one way to recognise it.
        private readonly bool isFlate = filter.GetType().Name == "FlateFilter";

        public bool IsSupported => filter.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
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
