using M365Scanner.Core.Mail;

namespace M365Scanner.Benchmarks.Extraction;

/// <summary>A folder of .eml files of shared/data (the phishing samples, the list mail), read once per benchmark
/// process.</summary>
internal static class MailCorpus
{
    public const string Phishing = "phishing";
    public const string Lists = "lists";

    /// <summary>The raw bytes of every .eml under <paramref name="folder"/>, in path order so runs compare.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> LoadMessages(string folder)
    {
        var root = SharedData.PathOf(folder);
        return System.IO.Directory.GetFiles(root, "*.eml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(root, path), File.ReadAllBytes(path)))
            .ToArray();
    }

    /// <summary>Every message decoded with the product's reader; samples it cannot read are left out (the
    /// benchmark measures extraction, and a message the reader rejects never reaches it).</summary>
    public static IReadOnlyList<(string Name, EmailMessage Message)> ReadMessages(string folder) =>
        LoadMessages(folder)
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
