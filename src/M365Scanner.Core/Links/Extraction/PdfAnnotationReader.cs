using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>One link target found in a page's annotations: the destination and the rectangle a reader clicks.</summary>
internal readonly record struct PdfAnnotationTarget(string Url, PdfRectangle? Rectangle);

/// <summary>
/// Reads the link targets of a page's annotations straight from the PDF objects (<c>/Annots</c>, their
/// <c>/A</c> and <c>/AA</c> actions, and <c>/Next</c> chains) rather than through PdfPig's
/// <c>Page.GetHyperlinks()</c>, which skips links whose rectangle covers no letters and actions it does not
/// model. Every annotation subtype is read, so a form button (<c>/Widget</c>) that opens a URL is found too.
/// </summary>
/// <remarks>
/// Reported actions: <c>/URI</c> always; <c>/Launch</c>, <c>/GoToR</c>, <c>/GoToE</c>, <c>/SubmitForm</c> and
/// <c>/ImportData</c> only when their file specification is URL-like ("scheme://..." or "www."), because a
/// local file name is not something the link pipeline can judge. JavaScript actions are not parsed.
/// Every lookup tolerates missing or mistyped entries: a malformed annotation is skipped, never thrown on.
/// </remarks>
internal static class PdfAnnotationReader
{
    private const int MaxActionDepth = 8;
    internal const int MaxAnnotationsPerPage = 2000;
    private const int MaxActionsPerAnnotation = 64;

    private static readonly NameToken Annots = NameToken.Create("Annots");
    private static readonly NameToken Rect = NameToken.Create("Rect");
    private static readonly NameToken A = NameToken.Create("A");
    private static readonly NameToken AA = NameToken.Create("AA");
    private static readonly NameToken S = NameToken.Create("S");
    private static readonly NameToken Uri = NameToken.Create("URI");
    private static readonly NameToken F = NameToken.Create("F");
    private static readonly NameToken UF = NameToken.Create("UF");
    private static readonly NameToken Win = NameToken.Create("Win");
    private static readonly NameToken Next = NameToken.Create("Next");

    private static readonly HashSet<string> FileActions = ["Launch", "GoToR", "GoToE", "SubmitForm", "ImportData"];

    /// <summary>Every URL-bearing action of the page's first <see cref="MaxAnnotationsPerPage"/> annotations, in
    /// /Annots order.</summary>
    /// <param name="notRead">How many annotations were left unread because the page has more than the cap: a
    /// thousand dummy annotations must not hide the one that matters without saying so.</param>
    public static List<PdfAnnotationTarget> Read(DictionaryToken page, PdfObjects objects, out int notRead)
    {
        var found = new List<PdfAnnotationTarget>();
        notRead = 0;
        if (!TryResolve(page, Annots, objects, out ArrayToken? annots))
            return found;

        notRead = Math.Max(0, annots.Data.Count - MaxAnnotationsPerPage);
        foreach (var entry in annots.Data.Take(MaxAnnotationsPerPage))
        {
            if (!TryResolve(entry, objects, out DictionaryToken? annotation))
                continue;
            var rectangle = ReadRectangle(annotation, objects);
            var urls = new List<string>();
            var actions = new Actions(objects, urls);
            if (TryResolve(annotation, A, objects, out DictionaryToken? action))
                actions.Read(action, 0);
            if (TryResolve(annotation, AA, objects, out DictionaryToken? additional))
            {
                foreach (var value in additional.Data.Values)
                    if (TryResolve(value, objects, out DictionaryToken? triggered))
                        actions.Read(triggered, 0);
            }
            foreach (var url in urls.Distinct(StringComparer.Ordinal))
                found.Add(new PdfAnnotationTarget(url, rectangle));
        }
        return found;
    }

    /// <summary>The actions of one annotation. Shared action objects are read once (a /Next graph in which every
    /// action chains to the same few others would otherwise grow exponentially), and at most
    /// <see cref="MaxActionsPerAnnotation"/> are read.</summary>
    private sealed class Actions(PdfObjects objects, List<string> urls)
    {
        private readonly HashSet<DictionaryToken> seen = new(ReferenceEqualityComparer.Instance);

        public void Read(DictionaryToken action, int depth)
        {
            if (depth > MaxActionDepth || seen.Count >= MaxActionsPerAnnotation || !seen.Add(action))
                return;

            var kind = TryResolve(action, S, objects, out NameToken? s) ? s.Data : null;
            if (kind == "URI")
            {
                if (TryGetText(action, Uri, objects, out var uri) && Clean(uri) is { Length: > 0 } cleaned)
                    urls.Add(cleaned);
            }
            else if (kind is not null && FileActions.Contains(kind))
            {
                if (ReadFileSpecification(action, objects) is { } target && IsUrlLike(target))
                    urls.Add(target);
            }

            // /Next is one action or an array of them, run after this one.
            if (!action.TryGet(Next, out var next))
                return;
            if (TryResolve(next, objects, out DictionaryToken? single))
                Read(single, depth + 1);
            else if (TryResolve(next, objects, out ArrayToken? many))
                foreach (var item in many.Data)
                    if (TryResolve(item, objects, out DictionaryToken? chained))
                        Read(chained, depth + 1);
        }
    }

    // A file specification is a string or a dictionary with /UF or /F; /Launch may instead carry /Win << /F >>.
    private static string? ReadFileSpecification(DictionaryToken action, PdfObjects objects)
    {
        if (TryGetText(action, F, objects, out var direct))
            return Clean(direct);
        if (TryResolve(action, F, objects, out DictionaryToken? spec))
        {
            if (TryGetText(spec, UF, objects, out var unicode))
                return Clean(unicode);
            if (TryGetText(spec, F, objects, out var plain))
                return Clean(plain);
        }
        if (TryResolve(action, Win, objects, out DictionaryToken? windows) && TryGetText(windows, F, objects, out var win))
            return Clean(win);
        return null;
    }

    private static bool IsUrlLike(string target) =>
        target.Contains("://", StringComparison.Ordinal) || target.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    // PDF writers pad URIs with NULs, spaces and line breaks (some phishing kits on purpose); none are part of it.
    private static string Clean(string value) => value.Trim().Trim('\0').Trim();

    private static PdfRectangle? ReadRectangle(DictionaryToken annotation, PdfObjects objects)
    {
        if (!TryResolve(annotation, Rect, objects, out ArrayToken? rect) || rect.Length != 4)
            return null;
        var v = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!TryResolve(rect.Data[i], objects, out NumericToken? number))
                return null;
            v[i] = number.Double;
        }
        return new PdfRectangle(Math.Min(v[0], v[2]), Math.Min(v[1], v[3]), Math.Max(v[0], v[2]), Math.Max(v[1], v[3]));
    }

    private static bool TryGetText(DictionaryToken dictionary, NameToken key, PdfObjects objects, out string text)
    {
        text = "";
        if (!dictionary.TryGet(key, out var token))
            return false;
        if (TryResolve(token, objects, out StringToken? s))
            text = s.Data;
        else if (TryResolve(token, objects, out HexToken? h))
            text = h.Data;
        else
            return false;
        return true;
    }

    private static bool TryResolve<T>(DictionaryToken dictionary, NameToken key, PdfObjects objects,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value) where T : class, IToken =>
        objects.TryGet(dictionary, key, out value);

    private static bool TryResolve<T>(IToken token, PdfObjects objects,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value) where T : class, IToken =>
        objects.TryResolve(token, out value);
}
