using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Remediation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace M365Scanner.Host.Extensions;

public static class ScannerCoreExtensions
{
    /// <summary>The pure core: extraction limits and policy from configuration ("Extraction", "Policy"), the
    /// extractor and the link rewriter (both thread-safe singletons).</summary>
    public static IHostApplicationBuilder AddScannerCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PolicyOptions>().BindConfiguration("Policy").ValidateDataAnnotations().ValidateOnStart();
        var limits = builder.Configuration.GetSection("Extraction").Get<ExtractionLimits>() ?? ExtractionLimits.Default;
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton(new MessageLinkExtractor(limits));
        builder.Services.AddSingleton(new LinkRewriter(limits));
        builder.Services.TryAddSingleton(TimeProvider.System); // tests may bring their own clock
        return builder;
    }
}
