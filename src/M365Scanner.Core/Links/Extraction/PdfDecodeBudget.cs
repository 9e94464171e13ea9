using System.Globalization;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// The bytes one PDF's streams may decode to, per stream and in all, checked while decoding (see
/// <see cref="MeteredFilterProvider"/>). One instance per parse; the first budget hit is kept so the parse can say
/// what it stopped reading.
/// </summary>
internal sealed class PdfDecodeBudget(long perStream, long perDocument)
{
    private long used;

    /// <summary>Why decoding was refused, the first time it was; null while within budget.</summary>
    public string? Exceeded { get; private set; }

    /// <summary>How many more bytes the next stream may decode to.</summary>
    public long Remaining => Math.Min(perStream, perDocument - Interlocked.Read(ref used));

    /// <summary>Checks that a stream about to decode to <paramref name="bytes"/> fits, without counting it.</summary>
    /// <exception cref="PdfBudgetExceededException">The stream or the document would be over its budget.</exception>
    public void Admit(long bytes)
    {
        if (bytes > perStream)
            Refuse($"a stream decodes to more than {Mib(perStream)}");
        if (Interlocked.Read(ref used) + bytes > perDocument)
            Refuse($"its streams decode to more than {Mib(perDocument)} in all");
    }

    /// <summary>Counts <paramref name="bytes"/> decoded; throws once a budget is passed, so the library that asked
    /// for the stream stops using it.</summary>
    /// <exception cref="PdfBudgetExceededException">The stream or the document is over its budget.</exception>
    public void Charge(long bytes)
    {
        Admit(bytes);
        Interlocked.Add(ref used, bytes);
    }

    /// <exception cref="PdfBudgetExceededException">Always.</exception>
    public void Refuse(string why)
    {
        Exceeded ??= why;
        throw new PdfBudgetExceededException(why);
    }

    private static string Mib(long bytes) =>
        (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB";
}

/// <summary>A PDF parse passed one of its budgets; what was not read is named in the message.</summary>
internal sealed class PdfBudgetExceededException(string message) : Exception(message);
