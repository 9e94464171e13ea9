using M365Scanner.Core.Reference;

namespace M365Scanner.Core.Tests.Reference;

public class ReferenceDataTests
{
    [Fact]
    public void Embedded_HoldsEveryNamedList_EachPlausible_WithFewMalformedLines()
    {
        var data = ReferenceData.Embedded;
        Assert.Equal(ReferenceLists.All.Select(s => s.Name), data.Lists.Select(l => l.Name));
        foreach (var list in data.Lists)
        {
            Assert.True(list.IsPlausible, $"{list.Name} has {list.Entries.Count} entries");
            // Upstream has a stray line here and there ("dm.w3internet.co.uk example.com" in free_email_providers);
            // the product's own lists have none.
            Assert.True(list.MalformedLines * 100 <= list.Entries.Count, $"{list.Name}: {list.MalformedLines} malformed lines");
            if (list.Provenance.Source == "M365Scanner")
                Assert.Equal(0, list.MalformedLines);
            Assert.Equal(ReferenceList.Embedded, list.LoadedFrom);
            Assert.Matches("^[0-9a-f]{64}$", list.Provenance.Sha256);
        }
    }

    [Fact]
    public void Embedded_NamesUpstreamProvenance()
    {
        var shorteners = ReferenceData.Embedded[ReferenceLists.UrlShorteners];
        Assert.Equal("https://github.com/sublime-security/static-files", shorteners.Provenance.Source);
        Assert.Matches("^[0-9a-f]{40}$", shorteners.Provenance.Commit);
        Assert.Equal("MIT", shorteners.Provenance.Licence);
        Assert.Equal("M365Scanner", ReferenceData.Embedded[ReferenceLists.ProductTunnels].Provenance.Source);
        Assert.Equal("MPL-2.0", ReferenceData.Embedded[ReferenceLists.PublicSuffixes].Provenance.Licence);
    }

    [Fact]
    public void Embedded_RanksPopularDomains()
    {
        var popularity = ReferenceData.Embedded.Popularity;
        Assert.Equal(1, popularity.RankOf("google.com"));
        Assert.True(popularity.Count >= 40_000);
        Assert.Null(popularity.RankOf("never-ranked-domain.example"));
    }

    [Fact]
    public void FromLists_LeavesAMissingListEmpty()
    {
        var data = ReferenceData.FromLists([]);
        Assert.All(data.Lists, l => Assert.Empty(l.Entries));
        Assert.Null(data.UrlShorteners.Match("bit.ly"));
        Assert.Equal("example.com", data.PublicSuffixes.GetRegistrableDomain("www.example.com"));
    }

    [Fact]
    public void With_ReplacesOneList_AndRebuildsItsLookup()
    {
        var refreshed = new ReferenceList(ReferenceLists.UrlShorteners, ["new-short.example"],
            new ListProvenance("test", "", "2026-12-06", "MIT", ""), "/tmp/url_shorteners.txt", 0);
        var data = ReferenceData.Embedded.With(refreshed);
        Assert.Same(refreshed, data[ReferenceLists.UrlShorteners]);
        Assert.NotNull(data.UrlShorteners.Match("new-short.example"));
        Assert.Null(data.UrlShorteners.Match("is.gd"));
        Assert.NotNull(data.UrlShorteners.Match("j.mp")); // on the product's own list, not replaced
        Assert.Same(ReferenceData.Embedded[ReferenceLists.FreeFileHosts], data[ReferenceLists.FreeFileHosts]);
    }

    /// <summary>The lists that were inlined in scoring load from reference/m365scanner with exactly the entries the
    /// code held (scores did not change when they moved).</summary>
    [Fact]
    public void Embedded_HoldsTheListsMovedOutOfScoring_WithTheirFormerEntries()
    {
        var data = ReferenceData.Embedded;
        Assert.Equal(
            ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "csv", "rtf", "jpg", "jpeg", "png", "gif", "htm",
             "html", "php", "asp", "aspx", "jsp", "xml", "json", "eml", "msg", "mp3", "mp4", "wav", "zip", "mov", "exe"],
            data[ReferenceLists.ProductFileNameExtensions].Entries);
        Assert.Equal(["com", "net", "org", "edu", "gov", "info", "biz"], data[ReferenceLists.ProductSpelledDomainLabels].Entries);
        Assert.Equal(
            ["co", "com", "org", "net", "gov", "edu", "ac", "or", "ne", "go", "gob", "mil", "ltd", "plc", "sch", "info", "biz", "nom", "gen", "in"],
            data[ReferenceLists.ProductRegistrySecondLevels].Entries);
        Assert.Equal(["exe", "py", "sh", "cmd"], data[ReferenceLists.ProductServerProgramExtensions].Entries);
        Assert.Equal([80, 81, 443, 8000, 8008, 8080, 8443, 8888], data.AlternateWebPorts.Order());
        Assert.Contains("zip", (IReadOnlySet<string>)data.FileNameExtensions);
        Assert.Contains("co", (IReadOnlySet<string>)data.RegistrySecondLevels);
    }

    [Fact]
    public void With_ARefreshedPortList_SkipsEntriesThatAreNotPorts()
    {
        var refreshed = new ReferenceList(ReferenceLists.ProductAlternateWebPorts, ["8080", "99999", "http", "-1"],
            new ListProvenance("test", "", "2026-12-06", "", ""), "/tmp/alternate_web_ports.txt", 0);

        Assert.Equal([8080], ReferenceData.Embedded.With(refreshed).AlternateWebPorts);
    }
}
