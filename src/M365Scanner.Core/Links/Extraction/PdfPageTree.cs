using UglyToad.PdfPig.Tokens;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// The page dictionaries of a PDF found by walking the page tree directly, for when PdfPig cannot build a page
/// (its content is broken) but the page's annotations may still be read. Pages are in document order, so the
/// n-th leaf is page n as PdfPig numbers them for a well-formed tree.
/// </summary>
internal static class PdfPageTree
{
    private const int MaxDepth = 64;

    private static readonly NameToken Pages = NameToken.Create("Pages");
    private static readonly NameToken Kids = NameToken.Create("Kids");
    private static readonly NameToken Parent = NameToken.Create("Parent");
    private static readonly NameToken Resources = NameToken.Create("Resources");

    /// <summary>The page's /Resources, or the nearest ancestor's (resources are inherited down the tree), or null.</summary>
    public static DictionaryToken? ResourcesOf(DictionaryToken page, PdfObjects objects)
    {
        var node = page;
        for (var level = 0; level <= MaxDepth && node is not null; level++)
        {
            if (objects.TryGet(node, Resources, out DictionaryToken? resources))
                return resources;
            node = objects.TryGet(node, Parent, out DictionaryToken? parent) ? parent : null;
        }
        return null;
    }

    /// <summary>The leaves of the page tree in order, at most <paramref name="maxPages"/>, and whether the tree loops
    /// (a node reached twice, a reference cycle, or deeper than any real tree): PdfPig walks it by recursion, so a
    /// looping tree must not be handed to it.</summary>
    public static (List<DictionaryToken> Leaves, bool Loops) Leaves(DictionaryToken catalog, PdfObjects objects, int maxPages)
    {
        var walk = new Walker(objects, maxPages);
        var cycles = objects.Cycles;
        try
        {
            if (catalog.TryGet(Pages, out var root))
                walk.Visit(root, 0);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged tree yields the pages found before the damage.
        }
        return (walk.Found, walk.Loops || objects.Cycles > cycles);
    }

    // Nodes are told apart by object reference: PdfPig may hand out a new token for each lookup of one object.
    private sealed class Walker(PdfObjects objects, int maxPages)
    {
        private readonly HashSet<UglyToad.PdfPig.Core.IndirectReference> visited = [];

        public List<DictionaryToken> Found { get; } = [];

        public bool Loops { get; private set; }

        public void Visit(IToken reference, int depth)
        {
            if (Found.Count >= maxPages)
                return;
            if (depth > MaxDepth || reference is IndirectReferenceToken { Data: var key } && !visited.Add(key))
            {
                Loops = true;
                return;
            }
            if (!objects.TryResolve(reference, out DictionaryToken? node))
                return;
            if (!node.TryGet(Kids, out var kidsToken) || !objects.TryResolve(kidsToken, out ArrayToken? kids))
            {
                Found.Add(node);
                return;
            }
            foreach (var kid in kids.Data)
                Visit(kid, depth + 1);
        }
    }
}
