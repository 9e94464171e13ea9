using System.Security.Cryptography;
using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;

namespace M365Scanner.Core.Tests.Golden;

/// <summary>
/// What extraction found in one message file, reduced to counts and a SHA-256 of the canonical link set, so the
/// golden file pins every URL, target and origin without the repository holding the corpus's (licensed) text.
/// </summary>
/// <param name="Path">Relative to shared/data, with '/' separators.</param>
/// <param name="Sha256">Lower-case hex over the links as <c>url\ttarget\torigin</c>, sorted ordinally, joined with
/// '\n'; <see cref="Unreadable"/> when the reader rejects the file (the scanner skips such a message too).</param>
public sealed record GoldenEntry(string Path, int Links, int Notes, string Sha256)
{
    public const string Unreadable = "unreadable";

    /// <summary>Extracts <paramref name="file"/> as the <c>scan</c> CLI does: read with <see cref="EmlReader"/>, every
    /// attachment kind through the in-process readers.</summary>
    public static GoldenEntry Of(MessageLinkExtractor extractor, string dataRoot, string file)
    {
        var path = System.IO.Path.GetRelativePath(dataRoot, file).Replace('\\', '/');
        EmailMessage message;
        try
        {
            using var stream = File.OpenRead(file);
            message = EmlReader.Read(stream);
        }
        catch (FormatException)
        {
            return new GoldenEntry(path, 0, 0, Unreadable);
        }
        var result = extractor.Extract(message);
        return new GoldenEntry(path, result.Links.Count, result.Notes.Count, Hash(result.Links));
    }

    private static string Hash(IEnumerable<Link> links)
    {
        var canonical = string.Join('\n', links.Select(l => $"{l.Url}\t{l.Target}\t{l.Origin}").Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
