using System.ComponentModel.DataAnnotations;
using M365Scanner.Core.Links;
using M365Scanner.Core.Policy;
using M365Scanner.DocumentWorker;
using Microsoft.Extensions.Configuration;

namespace M365Scanner.Cli;

/// <summary>The settings the offline scanner reads: appsettings.json beside the binary (the repository's own),
/// then environment variables prefixed M365SCANNER_ (e.g. M365SCANNER_Policy__RewriteThreshold=0.6).</summary>
public sealed record ScannerSettings(PolicyOptions Policy, ExtractionLimits Extraction)
{
    /// <summary>The "DocumentWorkers" section: PDFs are parsed in worker processes unless it says otherwise
    /// (M365SCANNER_DocumentWorkers__Enabled=false parses them in the CLI's own process).</summary>
    public DocumentWorkerOptions DocumentWorkers { get; init; } = new();

    /// <exception cref="ValidationException">A section is out of its documented ranges.</exception>
    public static ScannerSettings Load()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables("M365SCANNER_")
            .Build();
        var policy = configuration.GetSection(PolicyOptions.Section).Get<PolicyOptions>() ?? new PolicyOptions();
        var extraction = configuration.GetSection(ExtractionLimits.Section).Get<ExtractionLimits>() ?? ExtractionLimits.Default;
        var workers = configuration.GetSection(DocumentWorkerOptions.Section).Get<DocumentWorkerOptions>() ?? new DocumentWorkerOptions();
        Validator.ValidateObject(policy, new ValidationContext(policy), validateAllProperties: true);
        Validator.ValidateObject(workers, new ValidationContext(workers), validateAllProperties: true);
        return new ScannerSettings(policy, extraction) { DocumentWorkers = workers };
    }
}
