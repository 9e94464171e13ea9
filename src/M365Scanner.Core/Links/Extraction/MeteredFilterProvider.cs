using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// PdfPig's stream filters, each charged to a <see cref="PdfDecodeBudget"/>: a Flate stream is measured against the
/// budget before PdfPig inflates it (so a bomb is refused before its output exists); the other filters are charged
/// with what they produced. PdfPig's own filters have no limit at all.
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
        // PdfPig's Flate filter is internal; its type name is the one way to recognise it.
        private readonly bool isFlate = filter.GetType().Name == "FlateFilter";

        public bool IsSupported => filter.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (isFlate)
                budget.Admit(BoundedInflate.Measure(input, Math.Max(budget.Remaining, 0)));
            var output = filter.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.Charge(output.Length);
            return output;
        }
    }
}
