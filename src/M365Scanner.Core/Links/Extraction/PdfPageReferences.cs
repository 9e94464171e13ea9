using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Checks, before PdfPig renders a page, that every reference reachable from it resolves without looping: PdfPig
/// follows a page's resources, fonts and XObjects by recursion, so a reference cycle anywhere below the page is a stack
/// overflow, which kills the process. The walk is ours: iterative, each object visited once per document, at most
/// <see cref="MaxObjectsPerPage"/> new objects per page.
/// </summary>
internal sealed class PdfPageReferences(PdfObjects objects)
{
    internal const int MaxObjectsPerPage = 20_000;
    private const int MaxParents = 64;

    private static readonly NameToken Parent = NameToken.Create("Parent");

    // Upward links: /Parent leads into the page tree (checked on its own), /P from an annotation back to its page.
    private static readonly HashSet<string> UpwardKeys = ["Parent", "P"];

    private readonly HashSet<IndirectReference> seen = [];

    // Objects are walked once per document, so a loop shared by several pages is met on the first of them only;
    // every later page may reach it too.
    private string? loopFound;

    /// <summary>Why the page must not be rendered, or null when its references are sound.</summary>
    public string? Problem(DictionaryToken page)
    {
        if (loopFound is not null)
            return loopFound;
        if (ParentsLoop(page))
            return "was not rendered: its /Parent chain loops";
        var cyclesBefore = objects.Cycles;
        var pending = new Stack<IToken>();
        pending.Push(page);
        var visited = 0;
        while (pending.TryPop(out var token))
        {
            switch (token)
            {
                case IndirectReferenceToken reference:
                    if (!seen.Add(reference.Data))
                        break;
                    if (++visited > MaxObjectsPerPage)
                        return $"was not rendered: it reaches more than {MaxObjectsPerPage:N0} objects";
                    if (objects.TryResolve(reference, out IToken? resolved))
                        pending.Push(resolved);
                    break;
                case DictionaryToken dictionary:
                    foreach (var (key, value) in dictionary.Data)
                        if (!UpwardKeys.Contains(key))
                            pending.Push(value);
                    break;
                case ArrayToken array:
                    foreach (var item in array.Data)
                        pending.Push(item);
                    break;
                case StreamToken stream:
                    pending.Push(stream.StreamDictionary);
                    break;
            }
        }
        if (objects.Cycles > cyclesBefore)
            loopFound = "was not rendered: a reference reachable from it or an earlier page loops (a reference cycle)";
        return loopFound;
    }

    // Inherited attributes are looked up the /Parent chain; a chain longer than any real tree, or one that ends in a
    // reference cycle, loops.
    private bool ParentsLoop(DictionaryToken page)
    {
        var cycles = objects.Cycles;
        var node = page;
        for (var level = 0; objects.TryGet(node, Parent, out DictionaryToken? parent); level++)
        {
            if (level == MaxParents)
                return true;
            node = parent;
        }
        return objects.Cycles > cycles;
    }
}
