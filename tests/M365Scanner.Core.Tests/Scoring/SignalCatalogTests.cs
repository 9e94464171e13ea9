using System.Text.RegularExpressions;
using M365Scanner.Core.Links;
using M365Scanner.Core.Reference;
using M365Scanner.Core.Scoring;
using M365Scanner.Core.Tests.TestSupport;

namespace M365Scanner.Core.Tests.Scoring;

/// <summary>Every signal is declared as data (description, tags, named strengths, lists by name), and what it
/// declares is what it does.</summary>
public class SignalCatalogTests
{
    public static TheoryData<string> Ids() => [.. SignalCatalog.Definitions.Select(d => d.Id)];

    private static SignalDefinition Definition(string id) => SignalCatalog.Definitions.Single(d => d.Id == id);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Definition_HasADescriptionAndAtLeastOneTag(string id)
    {
        var definition = Definition(id);

        Assert.False(string.IsNullOrWhiteSpace(definition.Description), $"{id} has no description");
        Assert.NotEqual(definition.Name, definition.Description.Trim());
        Assert.NotEmpty(definition.Tags);
        Assert.Equal(definition.Tags.Count, definition.Tags.Distinct().Count());
        Assert.All(definition.Tags, t => Assert.True(Enum.IsDefined(t), $"{id}: {t} is not an attack kind"));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Definition_StrengthsAreNamedOnceAndWithinZeroToOne(string id)
    {
        var strengths = Definition(id).Strengths;

        Assert.NotEmpty(strengths);
        Assert.Equal(strengths.Count, strengths.Select(s => s.Name).Distinct().Count());
        Assert.All(strengths, s =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", s.Name);
            Assert.InRange(s.Value, double.Epsilon, 1.0);
            Assert.False(string.IsNullOrWhiteSpace(s.When), $"{id}: {s.Name} does not say when it applies");
        });
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Definition_ListsAreNamedInTheReferenceCatalog(string id)
    {
        var lists = Definition(id).Lists;

        Assert.All(lists, l => Assert.Same(l, ReferenceLists.Find(l.Name)));
        Assert.Equal(lists.Count, lists.Distinct().Count());
    }

    [Fact]
    public void Definitions_AreTheCatalogsSignals_MessageLevelFirst_WithUniqueIds()
    {
        var ids = SignalCatalog.MessageSignals.Select(s => s.Id).Concat(SignalCatalog.LinkSignals.Select(s => s.Id)).ToList();

        Assert.Equal(ids, SignalCatalog.Definitions.Select(d => d.Id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(SignalCatalog.Definitions.Take(SignalCatalog.MessageSignals.Count), d => Assert.Equal("message", d.Level));
        Assert.All(SignalCatalog.Definitions.Skip(SignalCatalog.MessageSignals.Count), d => Assert.Equal("link", d.Level));
    }

    [Fact]
    public void AttackKindTags_AreDistinctKebabCase_AndEveryKindIsUsed()
    {
        var tags = AttackKinds.All.Select(AttackKinds.Tag).ToList();

        Assert.Equal(tags.Count, tags.Distinct().Count());
        Assert.All(tags, t => Assert.Matches("^[a-z]+(-[a-z]+)*$", t));
        Assert.Equal(AttackKinds.All.Order(), SignalCatalog.Definitions.SelectMany(d => d.Tags).Distinct().Order());
    }

    /// <summary>A signal whose source reads the reference data (directly, or through the novelty grading) names the
    /// lists it reads, so the <c>signals</c> verb can tell an analyst which list to check.</summary>
    [Fact]
    public void SignalsReadingReferenceData_NameTheListsTheyRead()
    {
        var folder = Path.Combine(Repository.Root(), "src", "M365Scanner.Core", "Scoring", "Signals");
        var signals = SignalCatalog.MessageSignals.Cast<object>().Concat(SignalCatalog.LinkSignals)
            .ToDictionary(s => s.GetType().Name, s => Definition((string)s.GetType().GetProperty("Id")!.GetValue(s)!));
        var readers = Directory.GetFiles(folder, "*Signal.cs")
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"ReferenceData\.Current|NoveltyEvidence\.Of|PublicSuffixList\.Default"))
            .Select(f => Path.GetFileNameWithoutExtension(f)).ToList();

        Assert.NotEmpty(readers);
        Assert.All(readers, name => Assert.True(signals[name].Lists.Count > 0, $"{name} reads reference data but names no list"));
    }

    /// <summary>The grades a signal declares are the ones it fires at: every hit of a discretely graded signal, over
    /// links that exercise the grades, weighs one declared strength times the weight. (Signals whose strength is a
    /// product or sum of grades with history counts are left out: their factors are declared, their products are not.)</summary>
    [Fact]
    public void Hits_OfDiscretelyGradedSignals_WeighADeclaredStrength()
    {
        string[] computed = ["link.new-for-sender", "link.breaks-sender-pattern", "link.young-in-tenant", "link.credential-wording",
            "link.known-for-sender", "link.common-in-tenant"];
        (string Url, string? Text, LinkSource Source)[] links =
        [
            ("http://evil.example:8731/x", null, LinkSource.Anchor), ("http://intranet.example:8080/x", null, LinkSource.Anchor),
            ("http://10.1.2.3/admin", null, LinkSource.Anchor), ("http://203.0.113.9/login", null, LinkSource.Anchor),
            ("https://bit.ly/3xYzAbC", null, LinkSource.Anchor), ("https://t.co/AbCdEf12", null, LinkSource.Anchor),
            ("https://contoso.web.app/login", null, LinkSource.Anchor), ("https://forms.office.com/r/abc", null, LinkSource.Anchor),
            ("https://www.dropbox.com/s/abc/invoice.pdf", null, LinkSource.Anchor), ("https://shop.example.top/", null, LinkSource.Anchor),
            ("https://cheap.example.xyz/", null, LinkSource.Anchor), ("http://xn--pypal-4ve.com/", null, LinkSource.Anchor),
            ("http://xn--mnchen-3ya.de/", null, LinkSource.Anchor), ("https://tenant-example.com/", null, LinkSource.Anchor),
            ("https://tenamt.example/", null, LinkSource.Anchor), ("https://xk7q2vb9zq.com/", null, LinkSource.Anchor),
            ("https://a.b.c.d.example.com/", null, LinkSource.Anchor), ("https://login.microsoft.com.verify.example/", null, LinkSource.Anchor),
            ("https://files.example.com/setup.exe", null, LinkSource.Anchor), ("https://files.example.com/disk.iso", null, LinkSource.Anchor),
            ("https://files.example.com/docs.zip", null, LinkSource.Anchor), ("https://evil.example/", "www.paypal.com", LinkSource.Anchor),
            ("https://example.co.uk/", "example.com", LinkSource.Anchor), ("http://paypal.com@evil.example/", null, LinkSource.Anchor),
            ("ftp://user:pw@files.example/", null, LinkSource.Anchor), ("javascript:alert(1)", null, LinkSource.Anchor),
            ("data:text/html;base64,PGh0bWw+", null, LinkSource.Anchor), ("data:image/png;base64,iVBORw0KGgo=", null, LinkSource.Image),
            ("https://evil.example/4JEcfT25549iCYf310zjlcQ8x2", null, LinkSource.Anchor), ("https://evil.example/a51e9fQ7x2b8c3d4", null, LinkSource.Anchor),
            ("https://www.google.com/search", null, LinkSource.Anchor), ("https://evil.example/form", null, LinkSource.FormAction),
        ];
        var scenario = new ScoringScenario();
        var checkedHits = 0;
        foreach (var (url, text, source) in links)
        {
            var link = ScoringScenario.Link(url, text, LinkOrigin.Body, source);
            var context = ScoringScenario.LinkIn(scenario.Deliver(ScoringScenario.Mail("someone@partner.example"), link), link);
            foreach (var signal in SignalCatalog.LinkSignals.Where(s => !computed.Contains(s.Id)))
            {
                if (signal.Evaluate(context) is not { } hit)
                    continue;
                var fraction = hit.Weight / signal.Weight;
                Assert.True(signal.Strengths.Any(s => Math.Abs(s.Value - fraction) < 1e-12),
                    $"{signal.Id} fired at {fraction} on {url}, which is none of its declared strengths");
                checkedHits++;
            }
        }
        Assert.True(checkedHits >= links.Length, $"only {checkedHits} hits checked");
    }
}
