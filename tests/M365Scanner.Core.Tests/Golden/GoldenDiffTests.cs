namespace M365Scanner.Core.Tests.Golden;

/// <summary>The golden comparison's verdict and message, on entries made up here (no corpus needed).</summary>
public class GoldenDiffTests
{
    private static readonly GoldenEntry A = new("phishing/a.eml", 2, 0, new string('a', 64));
    private static readonly GoldenEntry B = new("phishing/b.eml", 1, 1, new string('b', 64));

    [Fact]
    public void Describe_ReturnsNull_WhenEveryFileIsEqual() =>
        Assert.Null(GoldenDiff.Describe("phishing", [A, B], [A with { }, B with { }]));

    [Fact]
    public void Describe_NamesTheFile_WhenOnlyTheLinksChangedNotTheirCount()
    {
        var message = GoldenDiff.Describe("phishing", [A, B], [A with { Sha256 = new string('c', 64) }, B]);

        Assert.NotNull(message);
        Assert.Contains("in 1 of 2 files", message);
        Assert.Contains("phishing/a.eml: was 2 links, 0 notes, now 2 links, 0 notes (same count, different links)", message);
        Assert.DoesNotContain("b.eml", message);
    }

    [Fact]
    public void Describe_ReportsCountsAndNewAndMissingFiles()
    {
        var c = new GoldenEntry("phishing/c.eml", 3, 0, new string('d', 64));

        var message = GoldenDiff.Describe("phishing", [A, B], [A with { Links = 0 }, c]);

        Assert.NotNull(message);
        Assert.Contains("links in total: was 3, now 3", message);
        Assert.Contains("phishing/a.eml: was 2 links, 0 notes, now 0 links, 0 notes", message);
        Assert.Contains("phishing/b.eml: gone, was 1 links, 1 notes", message);
        Assert.Contains("phishing/c.eml: new file, 3 links, 0 notes", message);
        Assert.Contains(ExtractionGoldenTests.WriteVariable, message);
    }
}
