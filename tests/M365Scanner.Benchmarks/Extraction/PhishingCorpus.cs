using M365Scanner.Core.Mail;

namespace M365Scanner.Benchmarks.Extraction;

/// <summary>The phishing samples of shared/data, read once per benchmark process.</summary>
internal static class PhishingCorpus
{
    /// <summary>The raw bytes of every phishing/*.eml, in file-name order so runs compare.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> LoadMessages() =>
        System.IO.Directory.GetFiles(SharedData.PathOf("phishing"), "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)))
            .ToArray();

    /// <summary>Every message decoded with the product's reader; samples it cannot read are left out (the
    /// benchmark measures extraction, and a message the reader rejects never reaches it).</summary>
    public static IReadOnlyList<(string Name, EmailMessage Message)> ReadMessages() =>
        LoadMessages()
            .Select(m => (m.Name, Message: TryRead(m.Bytes)))
            .Where(m => m.Message is not null)
            .Select(m => (m.Name, m.Message!))
            .ToArray();

    /// <summary>The message, or null when the reader rejects the bytes (the scanner skips such a sample too).</summary>
    public static EmailMessage? TryRead(byte[] bytes)
    {
        try
        {
            return EmlReader.Read(bytes);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
