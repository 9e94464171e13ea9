using MimeKit;

namespace M365Scanner.Core.Tests.TestSupport;

/// <summary>The messages of a corpus folder parsed by MimeKit, as the product parses them (in place, from the file's
/// bytes) or copied into MimeKit's own buffers; files that are not messages are passed over.</summary>
public static class CorpusMime
{
    public static IEnumerable<(string Name, MimeMessage Message)> Messages(string folder, bool inPlace, int max = int.MaxValue)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(max))
        {
            var bytes = File.ReadAllBytes(file);
            MimeMessage message;
            try
            {
                message = MimeMessage.Load(new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true), persistent: inPlace);
            }
            catch (FormatException)
            {
                continue;
            }
            yield return (Path.GetRelativePath(folder, file), message);
        }
    }
}
