using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Remediation;
using M365Scanner.DocumentWorker;
using M365Scanner.DocumentWorker.Pool;
using M365Scanner.Host.Tenants;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host;

public static class ScannerCoreExtensions
{
    /// <summary>The pure core: extraction limits and policy from configuration ("Extraction", "Policy"), the
    /// extractor and the link rewriter (both thread-safe singletons), which read PDFs through the document worker
    /// pool ("DocumentWorkers") unless it is disabled; and the per-tenant scanners built from them.</summary>
    public static IHostApplicationBuilder AddScannerCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PolicyOptions>().BindConfiguration(PolicyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var limits = builder.Configuration.GetSection(ExtractionLimits.Section).Get<ExtractionLimits>() ?? ExtractionLimits.Default;
        builder.Services.AddSingleton(limits);
        builder.AddDocumentWorkers(limits);
        // Without a pool both fall back to their own in-process readers (the rewrite check's without a time budget).
        builder.Services.AddSingleton(sp => new MessageLinkExtractor(limits, pdf: sp.GetService<IPdfLinkReader>()));
        builder.Services.AddSingleton(sp => new LinkRewriter(limits, sp.GetService<IPdfLinkReader>()));
        builder.Services.TryAddSingleton(TimeProvider.System); // tests may bring their own clock
        // One scanner per tenant, each over its graph from the storage's ITenantGraphStorage.
        builder.Services.AddSingleton<TenantPolicies>();
        builder.Services.AddSingleton<PolicyEditor>();
        builder.Services.AddSingleton<TenantScanners>();
        return builder;
    }

    // One pool for the scan and the rewrite check, so PDFs of both share the same bounded set of processes. The
    // container disposes it at shutdown, which kills the workers.
    private static void AddDocumentWorkers(this IHostApplicationBuilder builder, ExtractionLimits limits)
    {
        builder.Services.AddOptions<DocumentWorkerOptions>().BindConfiguration(DocumentWorkerOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => !options.Enabled || PdfWorkerPool.CanLocateWorker(out _),
                "DocumentWorkers:Enabled is true but the document worker cannot be started: M365Scanner.DocumentWorker.dll " +
                "with its runtimeconfig.json must be beside the host, and a dotnet muxer findable")
            .ValidateOnStart();
        var enabled = builder.Configuration.GetSection(DocumentWorkerOptions.Section).Get<DocumentWorkerOptions>()?.Enabled ?? true;
        if (enabled)
            builder.Services.AddSingleton<IPdfLinkReader>(sp => new PdfWorkerPool(
                sp.GetRequiredService<IOptions<DocumentWorkerOptions>>().Value, limits,
                sp.GetRequiredService<ILogger<PdfWorkerPool>>()));
    }
}
