using System.Security.Cryptography;
using M365Scanner.Core.Reference;

namespace M365Scanner.Core.Tests.Reference;

/// <summary>The files under reference/ are what their provenance says and what Core embeds.</summary>
public class ShippedReferenceTests
{
    private static readonly string ReferenceRoot = Locate();

    public static TheoryData<string> Sources() => [.. Directory.GetDirectories(ReferenceRoot).Select(d => Path.GetFileName(d)!)];

    [Theory]
    [MemberData(nameof(Sources))]
    public void Provenance_RecordsTheSha256OfEveryShippedFile(string source)
    {
        var folder = Path.Combine(ReferenceRoot, source);
        var provenance = SourceProvenance.Parse(File.ReadAllText(Path.Combine(folder, "provenance.json")));
        var shipped = Directory.GetFiles(folder).Select(f => Path.GetFileName(f)!)
            .Where(f => f is not ("LICENSE" or "SOURCE" or "README.md" or "provenance.json")).Order().ToList();
        Assert.Equal(shipped, provenance.Files.Keys.Order().ToList());
        foreach (var file in shipped)
            Assert.Equal(provenance.Files[file], Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, file)))));
        Assert.False(string.IsNullOrEmpty(provenance.Source));
        if (provenance.LicenceFile.Length > 0)
            Assert.True(File.Exists(Path.Combine(folder, provenance.LicenceFile)), $"{source} lacks its licence file");
    }

    [Fact]
    public void Embedded_IsTheShippedCopy()
    {
        foreach (var list in ReferenceData.Embedded.Lists)
        {
            var bytes = File.ReadAllBytes(Path.Combine(ReferenceRoot, list.Spec.Source, list.Spec.File));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), list.Provenance.Sha256);
        }
    }

    [Fact]
    public void EveryShippedList_IsNamedInTheCatalog()
    {
        var named = ReferenceLists.All.Select(s => s.Name).ToHashSet();
        var shipped = Directory.GetDirectories(ReferenceRoot)
            .SelectMany(d => SourceProvenance.Parse(File.ReadAllText(Path.Combine(d, "provenance.json"))).Files.Keys
                .Select(f => Path.GetFileName(d) + "/" + f));
        Assert.All(shipped, name => Assert.Contains(name, named));
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "M365Scanner.sln")))
                return Path.Combine(dir.FullName, "reference");
        }
        throw new InvalidOperationException($"Could not find M365Scanner.sln above {AppContext.BaseDirectory}.");
    }
}
