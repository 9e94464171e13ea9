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

    public static List<DictionaryToken> Leaves(DictionaryToken catalog, PdfObjects objects, int maxPages)
    {
        var leaves = new List<DictionaryToken>();
        var visited = new HashSet<DictionaryToken>(ReferenceEqualityComparer.Instance);
        try
        {
            if (catalog.TryGet(Pages, out var root) && objects.TryResolve(root, out DictionaryToken? node))
                Walk(node, objects, leaves, visited, maxPages, 0);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged tree yields the pages found before the damage.
        }
        return leaves;
    }

    private static void Walk(DictionaryToken node, PdfObjects objects, List<DictionaryToken> leaves,
        HashSet<DictionaryToken> visited, int maxPages, int depth)
    {
        if (depth > MaxDepth || leaves.Count >= maxPages || !visited.Add(node))
            return;
        if (!node.TryGet(Kids, out var kidsToken) || !objects.TryResolve(kidsToken, out ArrayToken? kids))
        {
            leaves.Add(node);
            return;
        }
        foreach (var kid in kids.Data)
            if (objects.TryResolve(kid, out DictionaryToken? child))
                Walk(child, objects, leaves, visited, maxPages, depth + 1);
    }
}
