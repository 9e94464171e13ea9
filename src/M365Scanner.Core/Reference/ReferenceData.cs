using System.Collections.Frozen;
using System.Globalization;
using M365Scanner.Core.Links.Domains;
using M365Scanner.Core.Scoring.Lists;

namespace M365Scanner.Core.Reference;

/// <summary>
/// One immutable snapshot of every reference list and the lookups built from them (the Public Suffix List,
/// popularity ranks, shorteners, hosting, TLDs, click trackers, credential words, file extensions).
/// </summary>
/// <remarks>
/// <see cref="Current"/> is what scoring reads: the copy built into Core until a host swaps in a refreshed snapshot
/// with <see cref="Use"/>. A swap is one reference write, so a reader sees the old snapshot or the new one, never
/// a mix; Core itself never reads a file or the network. Thread-safe.
/// </remarks>
public sealed class ReferenceData
{
    private static readonly Lazy<ReferenceData> LazyEmbedded = new(() => FromLists(EmbeddedReference.LoadAll()));
    private static ReferenceData? _current;

    private readonly Dictionary<string, ReferenceList> _byName;

    private ReferenceData(IReadOnlyList<ReferenceList> lists)
    {
        Lists = lists;
        _byName = lists.ToDictionary(l => l.Name, StringComparer.Ordinal);
        PublicSuffixes = PublicSuffixList.Parse(string.Join('\n', Entries(ReferenceLists.PublicSuffixes)));
        var ranked = Entries(ReferenceLists.TrancoTop50k);
        Popularity = new PopularityRanks(ranked.Count > 0 ? ranked : Entries(ReferenceLists.TrancoTop10k));
        ClickTrackers = new ClickTrackers([.. Entries(ReferenceLists.BulkMailers), .. Entries(ReferenceLists.ProductClickTrackers)]);
        UrlShorteners = new UrlShorteners(
            [.. Entries(ReferenceLists.UrlShorteners), .. Entries(ReferenceLists.ProductUrlShorteners)],
            Entries(ReferenceLists.ProductSocialLinkWrappers), ClickTrackers);
        AbusedHosting = new AbusedHosting(
        [
            // The product's own lists grade their entries and so come first; the upstream lists classify the rest.
            (AbusedHostingKind.CloudStorage, Entries(ReferenceLists.ProductCloudStorage)),
            (AbusedHostingKind.Forms, Entries(ReferenceLists.ProductHostedForms)),
            // Sublime's free subdomain hosts are roots whose users get the hosts below; the root is the provider's own site.
            (AbusedHostingKind.FreeHosting, [.. Entries(ReferenceLists.FreeSubdomainHosts).Select(Below), .. Entries(ReferenceLists.SocialLandingHosts),
                .. Entries(ReferenceLists.ProductFreeHosting), .. Entries(ReferenceLists.ProductTunnels), .. Entries(ReferenceLists.ProductIpfsGateways)]),
            (AbusedHostingKind.SiteBuilder, Entries(ReferenceLists.SiteBuilders)),
            (AbusedHostingKind.FileSharing, [.. Entries(ReferenceLists.FreeFileHosts), .. Entries(ReferenceLists.ProductFileSharing)]),
        ]);
        AbusedTopLevelDomains = new AbusedTopLevelDomains(
            Entries(ReferenceLists.ProductAbusedTldsHigh), Entries(ReferenceLists.SuspiciousTlds), PublicSuffixes);
        CredentialWords = new CredentialWords(Entries(ReferenceLists.ProductCredentialWords), Entries(ReferenceLists.ProductCredentialShortWords));
        ExecutableExtensions = new ExecutableExtensions(
            [.. Entries(ReferenceLists.ExecutableExtensions), .. Entries(ReferenceLists.ProductExecutableExtensions)],
            Entries(ReferenceLists.ProductDiskImageExtensions),
            [.. Entries(ReferenceLists.ArchiveExtensions), .. Entries(ReferenceLists.ProductContainerExtensions)],
            Entries(ReferenceLists.ProductExtensionsNotScored));
        FileNameExtensions = Set(ReferenceLists.ProductFileNameExtensions);
        ServerProgramExtensions = Set(ReferenceLists.ProductServerProgramExtensions);
        SpelledDomainLabels = Set(ReferenceLists.ProductSpelledDomainLabels);
        RegistrySecondLevels = Set(ReferenceLists.ProductRegistrySecondLevels);
        AlternateWebPorts = Entries(ReferenceLists.ProductAlternateWebPorts)
            .Select(e => int.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : -1)
            .Where(p => p is >= 0 and <= 65535).ToFrozenSet();
    }

    /// <summary>The snapshot built from the copy of <c>reference/</c> embedded in Core, loaded on first use.</summary>
    public static ReferenceData Embedded => LazyEmbedded.Value;

    /// <summary>The snapshot in use: <see cref="Embedded"/> until <see cref="Use"/> replaces it.</summary>
    public static ReferenceData Current => Volatile.Read(ref _current) ?? Embedded;

    /// <summary>Makes <paramref name="data"/> the snapshot every later lookup reads.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    public static void Use(ReferenceData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Volatile.Write(ref _current, data);
    }

    /// <summary>Builds a snapshot from loaded lists; a list of <see cref="ReferenceLists.All"/> not given is empty.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="lists"/> is null.</exception>
    public static ReferenceData FromLists(IEnumerable<ReferenceList> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var given = lists.ToDictionary(l => l.Name, StringComparer.Ordinal);
        return new ReferenceData(
        [
            .. ReferenceLists.All.Select(spec => given.TryGetValue(spec.Name, out var list) ? list : Missing(spec)),
            .. given.Values.Where(l => ReferenceLists.Find(l.Name) is null),
        ]);
    }

    /// <summary>A new snapshot with <paramref name="replacement"/> in place of the list of the same name.</summary>
    public ReferenceData With(ReferenceList replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        return FromLists([.. Lists.Where(l => l.Name != replacement.Name), replacement]);
    }

    /// <summary>Every list of the snapshot, in <see cref="ReferenceLists.All"/> order.</summary>
    public IReadOnlyList<ReferenceList> Lists { get; }

    /// <summary>The copy of <paramref name="spec"/> in this snapshot.</summary>
    public ReferenceList this[ReferenceListSpec spec] => _byName[spec.Name];

    public PublicSuffixList PublicSuffixes { get; }
    public PopularityRanks Popularity { get; }
    public ClickTrackers ClickTrackers { get; }
    public UrlShorteners UrlShorteners { get; }
    public AbusedHosting AbusedHosting { get; }
    public AbusedTopLevelDomains AbusedTopLevelDomains { get; }
    public CredentialWords CredentialWords { get; }
    public ExecutableExtensions ExecutableExtensions { get; }

    /// <summary>Extensions that end file names written in text ("report.pdf"): such a token is not a domain.</summary>
    public FrozenSet<string> FileNameExtensions { get; }

    /// <summary>Extensions of programs a server runs to build a page ("app.exe?func=login").</summary>
    public FrozenSet<string> ServerProgramExtensions { get; }

    /// <summary>Generic TLD labels that spell a domain inside a host's subdomains ("login.microsoft.com.verify.example").</summary>
    public FrozenSet<string> SpelledDomainLabels { get; }

    /// <summary>Second-level labels of country registries ("co" of co.uk); other two-label suffixes are platforms'.</summary>
    public FrozenSet<string> RegistrySecondLevels { get; }

    /// <summary>Ports web servers commonly use besides the defaults, and the defaults written out.</summary>
    public FrozenSet<int> AlternateWebPorts { get; }

    private IReadOnlyList<string> Entries(ReferenceListSpec spec) => _byName.TryGetValue(spec.Name, out var list) ? list.Entries : [];

    private FrozenSet<string> Set(ReferenceListSpec spec) => Entries(spec).ToFrozenSet(StringComparer.Ordinal);

    private static string Below(string root) => root.StartsWith("*.", StringComparison.Ordinal) ? root : "*." + root;

    private static ReferenceList Missing(ReferenceListSpec spec) => new(spec, [], new ListProvenance("", "", "", "", ""), "missing", 0);
}
