using UglyToad.PdfPig.Tokenization.Scanner;
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
    public static DictionaryToken? ResourcesOf(DictionaryToken page, IPdfTokenScanner scanner)
    {
        var node = page;
        for (var level = 0; level <= MaxDepth && node is not null; level++)
        {
            if (PdfObjects.TryGet(node, Resources, scanner, out DictionaryToken? resources))
                return resources;
            node = PdfObjects.TryGet(node, Parent, scanner, out DictionaryToken? parent) ? parent : null;
        }
        return null;
    }

    public static List<DictionaryToken> Leaves(DictionaryToken catalog, IPdfTokenScanner scanner, int maxPages)
    {
        var leaves = new List<DictionaryToken>();
        var visited = new HashSet<DictionaryToken>(ReferenceEqualityComparer.Instance);
        try
        {
            if (catalog.TryGet(Pages, out var root) && PdfObjects.TryResolve(root, scanner, out DictionaryToken? node))
                Walk(node, scanner, leaves, visited, maxPages, 0);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged tree yields the pages found before the damage.
        }
        return leaves;
    }

    private static void Walk(DictionaryToken node, IPdfTokenScanner scanner, List<DictionaryToken> leaves,
        HashSet<DictionaryToken> visited, int maxPages, int depth)
    {
        if (depth > MaxDepth || leaves.Count >= maxPages || !visited.Add(node))
            return;
        if (!node.TryGet(Kids, out var kidsToken) || !PdfObjects.TryResolve(kidsToken, scanner, out ArrayToken? kids))
        {
            leaves.Add(node);
            return;
        }
        foreach (var kid in kids.Data)
            if (PdfObjects.TryResolve(kid, scanner, out DictionaryToken? child))
                Walk(child, scanner, leaves, visited, maxPages, depth + 1);
    }
}
