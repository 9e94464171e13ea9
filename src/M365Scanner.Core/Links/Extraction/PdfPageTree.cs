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
    private static readonly NameToken Type = NameToken.Create("Type");
    private static readonly NameToken Page = NameToken.Create("Page");

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
    /// <returns>Also whether the tree is plain: every leaf is typed /Page, no node with kids is, and each node's /Parent
    /// is the node it was reached from. Only then is the n-th leaf surely the page PdfPig renders as page n, with the
    /// resources <see cref="ResourcesOf"/> finds: PdfPig counts a /Page with /Kids as a page and skips a /Pages without
    /// them, and inherits resources along the path it walked, not along /Parent.</returns>
    public static (List<DictionaryToken> Leaves, bool Loops, bool Plain) Leaves(DictionaryToken catalog, PdfObjects objects, int maxPages)
    {
        var walk = new Walker(objects, maxPages);
        var cycles = objects.Cycles;
        try
        {
            if (catalog.TryGet(Pages, out var root))
                walk.Visit(root, 0, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged tree yields the pages found before the damage.
        }
        return (walk.Found, walk.Loops || objects.Cycles > cycles, walk.Plain);
    }

    // Nodes are told apart by object reference: PdfPig may hand out a new token for each lookup of one object.
    private sealed class Walker(PdfObjects objects, int maxPages)
    {
        private readonly HashSet<UglyToad.PdfPig.Core.IndirectReference> visited = [];

        public List<DictionaryToken> Found { get; } = [];

        public bool Loops { get; private set; }

        public bool Plain { get; private set; } = true;

        public void Visit(IToken reference, int depth, UglyToad.PdfPig.Core.IndirectReference? parent)
        {
            if (Found.Count >= maxPages)
                return;
            if (depth > MaxDepth || reference is IndirectReferenceToken { Data: var key } && !visited.Add(key))
            {
                Loops = true;
                return;
            }
            if (!objects.TryResolve(reference, out DictionaryToken? node))
            {
                Plain = false;
                return;
            }
            var isPage = objects.TryGet(node, Type, out NameToken? type) && type.Equals(Page);
            if (depth > 0 && (reference is not IndirectReferenceToken || parent is not { } from ||
                              !node.TryGet(Parent, out var up) || up is not IndirectReferenceToken { Data: var upKey } || !upKey.Equals(from)))
                Plain = false;
            if (!node.TryGet(Kids, out var kidsToken) || !objects.TryResolve(kidsToken, out ArrayToken? kids))
            {
                Plain &= isPage;
                Found.Add(node);
                return;
            }
            Plain &= !isPage;
            var self = reference is IndirectReferenceToken { Data: var selfKey } ? selfKey : (UglyToad.PdfPig.Core.IndirectReference?)null;
            foreach (var kid in kids.Data)
                Visit(kid, depth + 1, self);
        }
    }
}
