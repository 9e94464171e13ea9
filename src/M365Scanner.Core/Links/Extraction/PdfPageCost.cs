using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Prices a page before PdfPig renders it: the content operators a renderer would run, every form XObject counted
/// as many times as it is drawn. PdfPig renders a page whole when it is opened, with no budget, so a 2.4 KB page of
/// forms that each draw the next thirty times, six deep, ran for minutes; such a page is refused here instead.
/// </summary>
/// <remarks>Each form is lexed once (its cost is remembered), so pricing costs one pass over the page's streams,
/// whatever the fan-out. A form that draws itself, directly or not, or forms nested deeper than
/// <see cref="ExtractionLimits.MaxPdfFormDepth"/>, price the page over any budget.</remarks>
internal sealed class PdfPageCost(PdfObjects objects, IFilterProvider filters, ExtractionLimits limits)
{
    private static readonly NameToken Contents = NameToken.Create("Contents");
    private static readonly NameToken Resources = NameToken.Create("Resources");
    private static readonly NameToken XObject = NameToken.Create("XObject");
    private static readonly NameToken Subtype = NameToken.Create("Subtype");

    // A form's price and height (how deep the forms it draws nest), by object reference (PdfPig hands out a new token
    // each time a stream is looked up) within a context: a form with resources of its own costs the same wherever it
    // is drawn; one without them resolves its names in the resources it is drawn with, so each of those is a context.
    private static readonly object OwnResources = new();
    private readonly Dictionary<object, Dictionary<IndirectReference, Price>> formCosts = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<IndirectReference> drawing = [];

    private long Over => limits.MaxPdfOperatorsPerPage + 1;

    /// <summary>The page's operators, or more than <see cref="ExtractionLimits.MaxPdfOperatorsPerPage"/> when it is
    /// over the budget (the count stops there); and whether it may show text, false only when no content stream or
    /// form it draws has a text-showing operator and every XObject it draws was resolved.</summary>
    /// <exception cref="PdfBudgetExceededException">A stream is over the decode budget.</exception>
    public (long Operators, bool MayShowText) Of(DictionaryToken page, DictionaryToken? resources)
    {
        long total = 0;
        var text = false;
        foreach (var stream in ContentStreams(page))
        {
            var price = Cost(stream, resources, depth: 0);
            total = Add(total, price.Cost);
            text |= price.MayShowText;
            if (total >= Over)
                return (total, true);
        }
        return (total, text);
    }

    // What drawing a stream costs, how deep the forms it draws nest, and whether it may put letters on the page.
    private readonly record struct Price(long Cost, int Height, bool MayShowText);

    // A /Contents that is there but resolves to nothing (a reference cycle, say) is refused rather than skipped:
    // PdfPig would follow the same references by recursion, which a cycle turns into a stack overflow.
    private IEnumerable<StreamToken> ContentStreams(DictionaryToken page)
    {
        if (!page.TryGet(Contents, out var contents))
            yield break;
        if (objects.TryResolve(contents, out StreamToken? single))
        {
            yield return single;
        }
        else if (objects.TryResolve(contents, out ArrayToken? parts))
        {
            foreach (var part in parts.Data)
                yield return objects.TryResolve(part, out StreamToken? stream)
                    ? stream
                    : throw new PdfBudgetExceededException("a content stream of the page does not resolve (a reference cycle or a dangling reference)");
        }
        else
        {
            throw new PdfBudgetExceededException("its /Contents does not resolve (a reference cycle or a dangling reference)");
        }
    }

    private Price Cost(StreamToken stream, DictionaryToken? resources, int depth)
    {
        var content = stream.Decode(filters);
        long drawn = 0;
        var height = 0;
        var drawsText = false;
        var operators = PdfContentOperators.Count(content.Span, name =>
        {
            var form = DrawCost(name, resources, depth);
            drawn = Add(drawn, form.Cost);
            height = Math.Max(height, form.Height);
            drawsText |= form.MayShowText;
            return drawn < Over;
        }, out var showsText);
        return new Price(Add(drawn, operators), height, showsText || drawsText);
    }

    private Price DrawCost(string name, DictionaryToken? resources, int depth)
    {
        // A stream is always an indirect object, so an XObject that is not a reference is not one at all.
        if (resources is null || !objects.TryGet(resources, XObject, out DictionaryToken? xobjects) ||
            !xobjects.TryGet(NameToken.Create(name), out var entry) || entry is not IndirectReferenceToken { Data: var key } ||
            !objects.TryResolve(entry, out StreamToken? form) ||
            !objects.TryGet(form.StreamDictionary, Subtype, out NameToken? subtype))
            return new Price(0, 0, MayShowText: true); // nothing we could resolve: drawing it runs no operators, but PdfPig may resolve it otherwise
        if (subtype.Data != "Form")
            return new Price(0, 0, MayShowText: false); // an image
        var own = objects.TryGet(form.StreamDictionary, Resources, out DictionaryToken? formResources) ? formResources : null;
        var context = own is null ? (object)resources : OwnResources;
        if (!formCosts.TryGetValue(context, out var known))
            formCosts[context] = known = [];
        if (known.TryGetValue(key, out var priced))
            return depth + priced.Height > limits.MaxPdfFormDepth ? priced with { Cost = Over } : priced;
        if (depth >= limits.MaxPdfFormDepth || !drawing.Add(key))
            return new Price(Over, 0, MayShowText: true); // too deep, or a form that draws itself
        var price = Cost(form, own ?? resources, depth + 1);
        drawing.Remove(key);
        return known[key] = price with { Height = price.Height + 1 };
    }

    private long Add(long a, long b) => Math.Min(a + b, Over);
}
