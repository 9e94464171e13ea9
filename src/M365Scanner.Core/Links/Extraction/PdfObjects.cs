using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// The objects of one PDF, with indirect references followed in our own loop, never by recursion a file controls:
/// PdfPig's <c>DirectObjectFinder</c> recurses through a chain of references, so <c>5 0 obj 6 0 R endobj 6 0 obj
/// 5 0 R endobj</c> overflowed the stack and killed the process (a stack overflow cannot be caught in .NET).
/// </summary>
/// <remarks><para>One instance per parse; it counts the references that led nowhere because they looped, so the parse can
/// say that something was not read rather than silently treat it as absent.</para>
/// <para>A stream looked up here is kept by the scanner for every later lookup, PdfPig's own included. PdfPig keeps
/// other objects but reads a stream again each time it is asked for one (copying its bytes, hashing them all, decrypting
/// them), and a page's streams are asked for three times: by the walk of its references, by its pricing and by its
/// rendering. Streams are kept up to <paramref name="keptStreamBytes"/> of their data in all (the file's length: streams
/// whose /Length all run to one "endstream" each hold most of the file), then read again as PdfPig reads them.</para>
/// </remarks>
internal sealed class PdfObjects(IPdfTokenScanner scanner, long keptStreamBytes)
{
    /// <summary>References followed for one value at most. Writers never chain more than one or two; a longer chain
    /// is a cycle or an attack.</summary>
    internal const int MaxReferenceChain = PdfReferenceChains.MaxChain;

    private readonly HashSet<IndirectReference> keptStreams = [];
    private long keptBytes;

    /// <summary>References abandoned after <see cref="MaxReferenceChain"/> steps (cycles, in practice).</summary>
    public int Cycles { get; private set; }

    /// <summary>The value of <paramref name="key"/> in <paramref name="dictionary"/>, resolved, when it is a
    /// <typeparamref name="T"/>; a missing, dangling, cyclic or mistyped value is "not there".</summary>
    public bool TryGet<T>(DictionaryToken dictionary, NameToken key,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value) where T : class, IToken
    {
        value = null;
        return dictionary.TryGet(key, out var token) && TryResolve(token, out value);
    }

    /// <summary><paramref name="token"/> itself, or the object its chain of references ends at, when it is a
    /// <typeparamref name="T"/>.</summary>
    public bool TryResolve<T>(IToken? token,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value) where T : class, IToken
    {
        value = null;
        try
        {
            for (var followed = 0; token is IndirectReferenceToken reference; followed++)
            {
                if (followed == MaxReferenceChain)
                {
                    Cycles++;
                    return false;
                }
                token = scanner.Get(reference.Data)?.Data;
                if (token is StreamToken stream)
                    Keep(reference.Data, stream);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false; // a dangling or unparsable object is "not there"
        }
        value = token as T;
        return value is not null;
    }

    private void Keep(IndirectReference reference, StreamToken stream)
    {
        if (stream.Data.Length > keptStreamBytes - keptBytes || !keptStreams.Add(reference))
            return;
        keptBytes += stream.Data.Length;
        scanner.ReplaceToken(reference, stream);
    }
}
