using System.ComponentModel.DataAnnotations;
using M365Scanner.Core.Links;
using M365Scanner.Core.Policy;
using Microsoft.Extensions.Configuration;

namespace M365Scanner.Cli;

/// <summary>The settings the offline scanner reads: appsettings.json beside the binary (the repository's own),
/// then environment variables prefixed M365SCANNER_ (e.g. M365SCANNER_Policy__RewriteThreshold=0.6).</summary>
public sealed record ScannerSettings(PolicyOptions Policy, ExtractionLimits Extraction)
{
    public static ScannerSettings Load()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables("M365SCANNER_")
            .Build();
        var policy = configuration.GetSection("Policy").Get<PolicyOptions>() ?? new PolicyOptions();
        var extraction = configuration.GetSection("Extraction").Get<ExtractionLimits>() ?? ExtractionLimits.Default;
        Validator.ValidateObject(policy, new ValidationContext(policy), validateAllProperties: true);
        return new ScannerSettings(policy, extraction);
    }
}
