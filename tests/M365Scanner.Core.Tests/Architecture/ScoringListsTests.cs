using System.Text.RegularExpressions;
using M365Scanner.Core.Tests.TestSupport;

namespace M365Scanner.Core.Tests.Architecture;

/// <summary>
/// Scoring names its lists, it does not inline them: domains, TLDs, extensions, ports live in the shipped reference
/// data (reference/, with provenance, refreshable) and code reads them through Core/Reference. These tests read the
/// scoring sources, so a list literal added to a signal fails here rather than in review.
/// </summary>
public partial class ScoringListsTests
{
    [Fact]
    public void ScoringSources_InlineNoListOfStringsOrNumbers()
    {
        var folder = Path.Combine(Repository.Root(), "src", "M365Scanner.Core", "Scoring");
        var offenders = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => InlinedLists(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(folder, f)}: {m}"))
            .ToList();

        Assert.True(offenders.Count == 0,
            "Move these lists to reference/m365scanner (with provenance) and read them through ReferenceData:\n" + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData("private static readonly string[] Hosts = [\"a.example\", \"b.example\", \"c.example\"];")]
    [InlineData("private static readonly HashSet<string> Tlds = new(StringComparer.Ordinal)\n{\n    \"top\", \"xyz\",\n    \"zip\",\n};")]
    [InlineData("var x = new[] { \"exe\", \"scr\", \"js\" };")]
    [InlineData("if (extension is \"exe\" or \"py\" or \"sh\")")]
    [InlineData("var strength = port is 8080 or 8443 or 8000 ? 0.5 : 1.0;")]
    public void InlinedLists_FindsAListLiteral(string code) => Assert.NotEmpty(InlinedLists(code));

    [Theory]
    [InlineData("r.Result is \"fail\" or \"softfail\"")]
    [InlineData("return Hit($\"the text shows {shown}, \\\"{a}\\\", \\\"{b}\\\"\", 0.5);")]
    [InlineData("// e.g. [\"a.example\", \"b.example\", \"c.example\"]")]
    [InlineData("/// <summary>[\"a\", \"b\", \"c\"]</summary>")]
    [InlineData("text.Split([' ', '\\t', '\\n'])")]
    public void InlinedLists_IgnoresTwoValuesCommentsAndStrings(string code) => Assert.Empty(InlinedLists(code));

    /// <summary>Collection literals of three or more strings, and patterns testing one value against three or more
    /// strings or numbers, in <paramref name="code"/> with its comments removed.</summary>
    private static IEnumerable<string> InlinedLists(string code)
    {
        var withoutComments = Comment().Replace(code, "");
        return StringCollection().Matches(withoutComments).Concat(OrPattern().Matches(withoutComments))
            .Select(m => Regex.Replace(m.Value, @"\s+", " "));
    }

    // A comment starts a line or follows white space; "https://" inside a string does neither.
    [GeneratedRegex(@"(?m)(?:^|\s)//.*$")]
    private static partial Regex Comment();

    private const string Str = @"""(?:[^""\\\n]|\\.)*""";

    [GeneratedRegex(@"[\[{(]\s*" + Str + @"\s*,\s*" + Str + @"\s*,\s*" + Str)]
    private static partial Regex StringCollection();

    [GeneratedRegex(@"\bis\s+(?:" + Str + @"|\d+)\s+or\s+(?:" + Str + @"|\d+)\s+or\s+(?:" + Str + @"|\d+)")]
    private static partial Regex OrPattern();
}
