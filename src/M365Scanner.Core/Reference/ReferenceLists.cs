namespace M365Scanner.Core.Reference;

/// <summary>
/// Every list the product loads, by name. Code names a list here; its entries live in <c>reference/</c> at the
/// repository root (built into Core as resources) and can be replaced at run time by a refreshed copy.
/// </summary>
public static class ReferenceLists
{
    private const string Sublime = "sublime-static-files";
    private const string Product = "m365scanner";

    public static readonly ReferenceListSpec PublicSuffixes = new("publicsuffix", "public_suffix_list.dat", ReferenceListFormat.PublicSuffixes, 5000);

    public static readonly ReferenceListSpec TrancoTop10k = new(Sublime, "tranco_top_10k.csv", ReferenceListFormat.Ranks, 1000);
    public static readonly ReferenceListSpec TrancoTop50k = new(Sublime, "tranco_top_50k.csv", ReferenceListFormat.Ranks, 5000);

    public static readonly ReferenceListSpec BulkMailers = Lines(Sublime, "bulk_mailer_url_root_domains.txt", 5);
    public static readonly ReferenceListSpec DisposableEmailProviders = Lines(Sublime, "disposable_email_providers.txt", 1000);
    public static readonly ReferenceListSpec EmailForwardingDomains = Lines(Sublime, "email_forwarding_domains.txt", 3);
    public static readonly ReferenceListSpec ArchiveExtensions = Lines(Sublime, "file_extensions_common_archives.txt", 3);
    public static readonly ReferenceListSpec ExecutableExtensions = Lines(Sublime, "file_extensions_executables.txt", 10);
    public static readonly ReferenceListSpec MacroExtensions = Lines(Sublime, "file_extensions_macros.txt", 5);
    public static readonly ReferenceListSpec FreeEmailProviders = Lines(Sublime, "free_email_providers.txt", 1000);
    public static readonly ReferenceListSpec FreeFileHosts = Lines(Sublime, "free_file_hosts.txt", 50);
    public static readonly ReferenceListSpec FreeSubdomainHosts = Lines(Sublime, "free_subdomain_hosts.txt", 50);
    public static readonly ReferenceListSpec HighTrustSenderDomains = Lines(Sublime, "high_trust_sender_root_domains.txt", 100);
    public static readonly ReferenceListSpec ReplyToServiceDomains = Lines(Sublime, "replyto_service_domains.txt", 10);
    public static readonly ReferenceListSpec SiteBuilders = Lines(Sublime, "self_service_creation_platform_domains.txt", 50);
    public static readonly ReferenceListSpec SocialLandingHosts = Lines(Sublime, "social_landing_hosts.txt", 10);
    public static readonly ReferenceListSpec SuspiciousTlds = Lines(Sublime, "suspicious_tlds.txt", 30);
    public static readonly ReferenceListSpec UrlShorteners = Lines(Sublime, "url_shorteners.txt", 50);

    public static readonly ReferenceListSpec ProductFreeHosting = Lines(Product, "free_hosting.txt", 1);
    public static readonly ReferenceListSpec ProductTunnels = Lines(Product, "tunnels.txt", 1);
    public static readonly ReferenceListSpec ProductIpfsGateways = Lines(Product, "ipfs_gateways.txt", 1);
    public static readonly ReferenceListSpec ProductCloudStorage = Lines(Product, "cloud_storage.txt", 1);
    public static readonly ReferenceListSpec ProductHostedForms = Lines(Product, "hosted_forms.txt", 1);
    public static readonly ReferenceListSpec ProductFileSharing = Lines(Product, "file_sharing.txt", 1);
    public static readonly ReferenceListSpec ProductUrlShorteners = Lines(Product, "url_shorteners.txt", 1);
    public static readonly ReferenceListSpec ProductSocialLinkWrappers = Lines(Product, "social_link_wrappers.txt", 1);
    public static readonly ReferenceListSpec ProductClickTrackers = Lines(Product, "click_trackers.txt", 1);
    public static readonly ReferenceListSpec ProductAbusedTldsHigh = Lines(Product, "abused_tlds_high.txt", 1);
    public static readonly ReferenceListSpec ProductExecutableExtensions = Lines(Product, "executable_extensions.txt", 1);
    public static readonly ReferenceListSpec ProductDiskImageExtensions = Lines(Product, "disk_image_extensions.txt", 1);
    public static readonly ReferenceListSpec ProductContainerExtensions = Lines(Product, "container_extensions.txt", 1);
    public static readonly ReferenceListSpec ProductExtensionsNotScored = Lines(Product, "executable_extensions_not_scored.txt", 0);
    public static readonly ReferenceListSpec ProductCredentialWords = Lines(Product, "credential_words.txt", 10);
    public static readonly ReferenceListSpec ProductCredentialShortWords = Lines(Product, "credential_short_words.txt", 1);
    public static readonly ReferenceListSpec ProductFileNameExtensions = Lines(Product, "file_name_extensions.txt", 1);
    public static readonly ReferenceListSpec ProductServerProgramExtensions = Lines(Product, "server_program_extensions.txt", 1);
    public static readonly ReferenceListSpec ProductSpelledDomainLabels = Lines(Product, "spelled_domain_labels.txt", 1);
    public static readonly ReferenceListSpec ProductRegistrySecondLevels = Lines(Product, "registry_second_levels.txt", 1);
    public static readonly ReferenceListSpec ProductAlternateWebPorts = Lines(Product, "alternate_web_ports.txt", 1);

    /// <summary>Every list, upstream ones first.</summary>
    public static IReadOnlyList<ReferenceListSpec> All { get; } =
    [
        PublicSuffixes, TrancoTop10k, TrancoTop50k, BulkMailers, DisposableEmailProviders, EmailForwardingDomains,
        ArchiveExtensions, ExecutableExtensions, MacroExtensions, FreeEmailProviders, FreeFileHosts, FreeSubdomainHosts,
        HighTrustSenderDomains, ReplyToServiceDomains, SiteBuilders, SocialLandingHosts, SuspiciousTlds, UrlShorteners,
        ProductFreeHosting, ProductTunnels, ProductIpfsGateways, ProductCloudStorage, ProductHostedForms,
        ProductFileSharing, ProductUrlShorteners, ProductSocialLinkWrappers, ProductClickTrackers, ProductAbusedTldsHigh,
        ProductExecutableExtensions, ProductDiskImageExtensions, ProductContainerExtensions, ProductExtensionsNotScored,
        ProductCredentialWords,
        ProductCredentialShortWords, ProductFileNameExtensions, ProductServerProgramExtensions, ProductSpelledDomainLabels,
        ProductRegistrySecondLevels, ProductAlternateWebPorts,
    ];

    // The lists each lookup of ReferenceData is built from, named once so a signal can say which it reads.

    /// <summary>Tranco's ranks, which grade the novelty signals.</summary>
    public static IReadOnlyList<ReferenceListSpec> Popularity { get; } = [TrancoTop10k, TrancoTop50k];

    /// <summary>Bulk mailers' click-tracking hosts.</summary>
    public static IReadOnlyList<ReferenceListSpec> ClickTrackers { get; } = [BulkMailers, ProductClickTrackers];

    /// <summary>URL shorteners and social link wrappers (click trackers are never counted as shorteners).</summary>
    public static IReadOnlyList<ReferenceListSpec> Shorteners { get; } =
        [UrlShorteners, ProductUrlShorteners, ProductSocialLinkWrappers, .. ClickTrackers];

    /// <summary>Hosting phishing borrows, of every kind.</summary>
    public static IReadOnlyList<ReferenceListSpec> AbusedHosting { get; } =
    [
        ProductCloudStorage, ProductHostedForms, FreeSubdomainHosts, SocialLandingHosts, ProductFreeHosting, ProductTunnels,
        ProductIpfsGateways, SiteBuilders, FreeFileHosts, ProductFileSharing,
    ];

    /// <summary>The two tiers of abused top-level domains, matched against the Public Suffix List.</summary>
    public static IReadOnlyList<ReferenceListSpec> AbusedTopLevelDomains { get; } = [ProductAbusedTldsHigh, SuspiciousTlds, PublicSuffixes];

    /// <summary>Account and payment words.</summary>
    public static IReadOnlyList<ReferenceListSpec> CredentialWords { get; } = [ProductCredentialWords, ProductCredentialShortWords];

    /// <summary>Extensions of downloads that run or carry code, graded, and those not scored.</summary>
    public static IReadOnlyList<ReferenceListSpec> PayloadExtensions { get; } =
    [
        ExecutableExtensions, ProductExecutableExtensions, ProductDiskImageExtensions, ArchiveExtensions,
        ProductContainerExtensions, ProductExtensionsNotScored,
    ];

    /// <summary>The list called <paramref name="name"/> (its path under <c>reference/</c>), or null.</summary>
    public static ReferenceListSpec? Find(string name) =>
        All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static ReferenceListSpec Lines(string source, string file, int minimum) =>
        new(source, file, ReferenceListFormat.Lines, minimum);
}
