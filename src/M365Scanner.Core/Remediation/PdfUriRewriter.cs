using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace M365Scanner.Core.Remediation;

/// <summary>
/// Points the URI actions of a PDF at new URLs by an incremental update: the original bytes are kept as an exact
/// prefix, and new versions of the changed objects, a cross-reference section for them, a trailer chained to the
/// old one (/Prev) and a new startxref are appended. Readers take the newest version of an object, so only the
/// changed URIs differ; signatures over the original bytes stay verifiable as covering the original revision.
/// </summary>
/// <remarks>
/// <para>Every object in the cross-reference is visited (PdfPig reads the ones packed in object streams too), and
/// any dictionary with a /URI string equal to an offending URL gets the replacement; the object holding it (the
/// action, or the annotation when the action is written inline, or a string object /URI refers to) is written anew.
/// An object from an object stream is superseded by a plain object of the same number, which the update's
/// cross-reference points at.</para>
/// <para>The update's cross-reference has the kind of the file's last one: a classic table after a table, a
/// cross-reference stream (uncompressed) after a stream, so a reader that only knows one kind per file is not
/// surprised.</para>
/// <para>Encrypted and damaged files are refused: new strings would need the file's key, and an update chained to
/// a broken cross-reference is read only by repair, which may ignore it.</para>
/// </remarks>
internal static class PdfUriRewriter
{
    private const int MaxDepth = 32;
    private static readonly NameToken UriKey = NameToken.Create("URI");

    /// <summary>The outcome: new bytes (null when no URI matched), or a failure.</summary>
    public readonly record struct Outcome(byte[]? Bytes, NotRewrittenReason? Failure, string? Detail);

    /// <param name="replacements">Offending URL (as the extractor reports it: trimmed of spaces and NULs) to its
    /// replacement.</param>
    public static Outcome Rewrite(ReadOnlyMemory<byte> pdf, IReadOnlyDictionary<string, string> replacements)
    {
        if (PdfStructureCheck.Damage(pdf.Span) is { } damage)
            return new(null, NotRewrittenReason.PdfUnreadable, $"damaged PDF: {damage}");
        if (LastStartXref(pdf.Span) is not { } startXref)
            return new(null, NotRewrittenReason.PdfUnreadable, "damaged PDF: no startxref");

        if (PdfPreflight.Refuse(pdf.Span) is { } refused)
            return new(null, NotRewrittenReason.PdfUnreadable, $"PDF not parsed: {refused}");

        PdfDocument document;
        try
        {
            // Object streams decode under the default budgets of the scan: a bomb the scan never had to open must not be
            // inflated here either. An object refused is skipped, and the read-back check then finds its URL still present.
            var limits = ExtractionLimits.Default;
            document = PdfDocument.Open(pdf, new ParsingOptions
            {
                UseLenientParsing = true,
                SkipMissingFonts = true,
                FilterProvider = new MeteredFilterProvider(new PdfDecodeBudget(limits.MaxPdfStreamBytes, limits.MaxPdfDecodedBytes)),
            });
        }
        catch (PdfDocumentEncryptedException)
        {
            return new(null, NotRewrittenReason.PdfEncrypted, "encrypted PDF");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new(null, NotRewrittenReason.PdfUnreadable, $"PDF could not be parsed: {e.GetType().Name}");
        }

        using (document)
        {
            var table = document.Structure.CrossReferenceTable;
            var trailer = document.Structure.Trailer;
            if (trailer.EncryptionToken is not null)
                return new(null, NotRewrittenReason.PdfEncrypted, "encrypted PDF");

            var scanner = document.Structure.TokenScanner;
            var changed = new SortedDictionary<long, (int Generation, IToken Data)>();
            foreach (var reference in table.ObjectOffsets.Keys)
            {
                ObjectToken? obj;
                try
                {
                    obj = scanner.Get(reference);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    continue; // an unreadable object is also unreadable to a reader; it carries no link we can see
                }
                if (obj?.Data is not (DictionaryToken or ArrayToken))
                    continue;
                if (Replace(obj.Data, replacements, scanner, changed, 0) is { } updated)
                    changed[reference.ObjectNumber] = (reference.Generation, updated);
            }
            if (changed.Count == 0)
                return new(null, null, null);

            try
            {
                var xrefIsStream = !IsClassicXref(pdf.Span, startXref);
                var size = Math.Max(trailer.Size, changed.Keys.Max() + 1);
                return new(Append(pdf.Span, startXref, changed, size, trailer.Root, trailer.Info, trailer.Identifier?.Cast<IToken>().ToList(),
                    xrefIsStream), null, null);
            }
            catch (NotSupportedException e)
            {
                return new(null, NotRewrittenReason.PdfUnreadable, $"PDF object could not be written: {e.Message}");
            }
        }
    }

    // Returns a copy of the token with matching /URI strings replaced, or null when nothing in it matched.
    // References are not followed (the referenced object is visited on its own), except a /URI that is a
    // reference to a string object: that object is changed instead.
    private static IToken? Replace(IToken token, IReadOnlyDictionary<string, string> replacements, IPdfTokenScanner scanner,
        SortedDictionary<long, (int, IToken)> changed, int depth)
    {
        if (depth > MaxDepth)
            return null;
        if (token is ArrayToken array)
        {
            List<IToken>? items = null;
            for (var i = 0; i < array.Data.Count; i++)
            {
                if (Replace(array.Data[i], replacements, scanner, changed, depth + 1) is not { } item)
                    continue;
                items ??= [.. array.Data];
                items[i] = item;
            }
            return items is null ? null : new ArrayToken(items);
        }
        if (token is not DictionaryToken dictionary)
            return null;

        var result = dictionary;
        foreach (var (key, value) in dictionary.Data)
        {
            if (key == UriKey.Data)
            {
                if (Text(value) is { } uri && replacements.TryGetValue(Clean(uri), out var replacement))
                    result = result.With(UriKey, new StringToken(replacement));
                else if (value is IndirectReferenceToken reference && TryGetString(reference, scanner) is { } indirect &&
                         replacements.TryGetValue(Clean(indirect), out var indirectReplacement))
                    changed[reference.Data.ObjectNumber] = (reference.Data.Generation, new StringToken(indirectReplacement));
                continue;
            }
            if (Replace(value, replacements, scanner, changed, depth + 1) is { } updated)
                result = result.With(key, updated);
        }
        return ReferenceEquals(result, dictionary) ? null : result;
    }

    private static string? Text(IToken token) => token switch
    {
        StringToken s => s.Data,
        HexToken h => h.Data,
        _ => null,
    };

    private static string? TryGetString(IndirectReferenceToken reference, IPdfTokenScanner scanner)
    {
        try
        {
            return scanner.Get(reference.Data)?.Data is { } data ? Text(data) : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    // As PdfAnnotationReader: writers pad URIs with NULs, spaces and line breaks.
    private static string Clean(string value) => value.Trim().Trim('\0').Trim();

    private static byte[] Append(ReadOnlySpan<byte> original, long startXref, SortedDictionary<long, (int Generation, IToken Data)> changed,
        long size, IndirectReference root, IToken? info, IReadOnlyList<IToken>? id, bool xrefIsStream)
    {
        // Offsets in the file count from its first byte, unless the old ones count from a %PDF- header that
        // follows junk (readers accept both; the update must use the same base as the original to be read alike).
        var headerOffset = original[..Math.Min(original.Length, 1024)].IndexOf("%PDF-"u8);
        var offsetBase = headerOffset > 0 && !PointsAtXref(original, startXref) ? headerOffset : 0;

        using var output = new MemoryStream(original.Length + 512 * changed.Count + 1024);
        output.Write(original);
        var text = new StringBuilder();
        if (original.Length > 0 && original[^1] is not ((byte)'\n' or (byte)'\r'))
            text.Append('\n');
        Flush(output, text);

        var offsets = new SortedDictionary<long, (long Offset, int Generation)>();
        foreach (var (number, (generation, data)) in changed)
        {
            offsets[number] = (output.Position - offsetBase, generation);
            text.Append(CultureInfo.InvariantCulture, $"{number} {generation} obj\n");
            PdfObjectWriter.Write(data, text);
            text.Append("\nendobj\n");
            Flush(output, text);
        }

        var trailerEntries = new StringBuilder();
        trailerEntries.Append(CultureInfo.InvariantCulture, $"/Root {root.ObjectNumber} {root.Generation} R");
        if (info is not null)
        {
            trailerEntries.Append(" /Info ");
            PdfObjectWriter.Write(info, trailerEntries);
        }
        if (id is { Count: > 0 })
        {
            trailerEntries.Append(" /ID ");
            PdfObjectWriter.Write(new ArrayToken(id), trailerEntries);
        }
        trailerEntries.Append(CultureInfo.InvariantCulture, $" /Prev {startXref}");

        long xrefOffset;
        if (xrefIsStream)
        {
            // The stream is an object itself and lists itself; it takes the next free number.
            var streamNumber = size;
            xrefOffset = output.Position - offsetBase;
            offsets[streamNumber] = (xrefOffset, 0);
            var rows = new MemoryStream();
            Span<byte> row = stackalloc byte[7];
            foreach (var (_, (offset, generation)) in offsets)
            {
                row[0] = 1; // in use, at a byte offset
                BinaryPrimitives.WriteUInt32BigEndian(row[1..5], checked((uint)offset));
                BinaryPrimitives.WriteUInt16BigEndian(row[5..7], checked((ushort)generation));
                rows.Write(row);
            }
            text.Append(CultureInfo.InvariantCulture,
                $"{streamNumber} 0 obj\n<</Type /XRef /Size {size + 1} /Index [{Index(offsets.Keys)}] /W [1 4 2] ");
            text.Append(trailerEntries).Append(CultureInfo.InvariantCulture, $" /Length {rows.Length}>>\nstream\n");
            Flush(output, text);
            rows.Position = 0;
            rows.CopyTo(output);
            text.Append("\nendstream\nendobj\n");
        }
        else
        {
            xrefOffset = output.Position - offsetBase;
            text.Append("xref\n");
            foreach (var (first, count) in Runs(offsets.Keys))
            {
                text.Append(CultureInfo.InvariantCulture, $"{first} {count}\n");
                for (var n = first; n < first + count; n++)
                    text.Append(CultureInfo.InvariantCulture, $"{offsets[n].Offset:D10} {offsets[n].Generation:D5} n\r\n");
            }
            text.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size} ").Append(trailerEntries).Append(">>\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"startxref\n{xrefOffset}\n%%EOF\n");
        Flush(output, text);
        return output.ToArray();
    }

    private static string Index(IEnumerable<long> numbers) =>
        string.Join(' ', Runs(numbers).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.First} {r.Count}")));

    // Consecutive object numbers form one subsection.
    private static IEnumerable<(long First, long Count)> Runs(IEnumerable<long> sortedNumbers)
    {
        long first = -1, count = 0;
        foreach (var n in sortedNumbers)
        {
            if (count > 0 && n == first + count)
            {
                count++;
                continue;
            }
            if (count > 0)
                yield return (first, count);
            first = n;
            count = 1;
        }
        if (count > 0)
            yield return (first, count);
    }

    private static void Flush(MemoryStream output, StringBuilder text)
    {
        output.Write(Encoding.Latin1.GetBytes(text.ToString()));
        text.Clear();
    }

    // The offset after the last startxref keyword: what /Prev of the update must name.
    private static long? LastStartXref(ReadOnlySpan<byte> pdf)
    {
        var tail = pdf[Math.Max(0, pdf.Length - 2048)..];
        var keyword = tail.LastIndexOf("startxref"u8);
        if (keyword < 0)
            return null;
        var digits = tail[(keyword + "startxref".Length)..].TrimStart(PdfWhiteSpace.Bytes);
        return Utf8Parser.TryParse(digits, out long offset, out _) && offset >= 0 ? offset : null;
    }

    private static bool IsClassicXref(ReadOnlySpan<byte> pdf, long startXref)
    {
        foreach (var offset in new[] { startXref, startXref + Math.Max(0, pdf[..Math.Min(pdf.Length, 1024)].IndexOf("%PDF-"u8)) })
            if (offset < pdf.Length && pdf[(int)offset..].TrimStart(PdfWhiteSpace.Bytes).StartsWith("xref"u8))
                return true;
        return false;
    }

    private static bool PointsAtXref(ReadOnlySpan<byte> pdf, long offset)
    {
        if (offset >= pdf.Length)
            return false;
        var at = pdf[(int)offset..].TrimStart(PdfWhiteSpace.Bytes);
        return at.StartsWith("xref"u8) || (at.Length > 0 && at[0] is >= (byte)'0' and <= (byte)'9');
    }
}
