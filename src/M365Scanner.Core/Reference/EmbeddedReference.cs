using System.Reflection;
using System.Security.Cryptography;

namespace M365Scanner.Core.Reference;

/// <summary>The copy of <c>reference/</c> built into this assembly: every list of <see cref="ReferenceLists"/>
/// with the provenance of its source folder.</summary>
internal static class EmbeddedReference
{
    private const string Prefix = "reference/";

    public static IReadOnlyList<ReferenceList> LoadAll()
    {
        var assembly = typeof(EmbeddedReference).Assembly;
        var provenance = new Dictionary<string, SourceProvenance>(StringComparer.Ordinal);
        var lists = new List<ReferenceList>(ReferenceLists.All.Count);
        foreach (var spec in ReferenceLists.All)
        {
            if (!provenance.TryGetValue(spec.Source, out var source))
                provenance[spec.Source] = source = SourceProvenance.Parse(ReadText(assembly, spec.Source + "/provenance.json"));
            var bytes = ReadBytes(assembly, spec.Name);
            var (entries, malformed) = ReferenceListParser.Parse(spec.Format, System.Text.Encoding.UTF8.GetString(bytes));
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            lists.Add(new ReferenceList(spec, entries, source.For(spec.File) with { Sha256 = sha }, ReferenceList.Embedded, malformed));
        }
        return lists;
    }

    /// <summary>The text of an embedded file of <c>reference/</c> ("publicsuffix/LICENSE").</summary>
    public static string ReadText(Assembly assembly, string path) => System.Text.Encoding.UTF8.GetString(ReadBytes(assembly, path));

    private static byte[] ReadBytes(Assembly assembly, string path)
    {
        // MSBuild writes the folder separator of the machine that built it into the resource name.
        var name = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.Replace('\\', '/').Equals(Prefix + path, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The reference file {path} is missing from the build.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
