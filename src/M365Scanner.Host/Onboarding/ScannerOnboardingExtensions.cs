using M365Scanner.Graph.Clients;
using M365Scanner.Host.Mailboxes;

namespace M365Scanner.Host.Onboarding;

public static class ScannerOnboardingExtensions
{
    /// <summary>Onboarding by admin consent (section "Onboarding", validated at start): the consent states and
    /// verifier, the jobs, the monitored mailboxes that include onboarded tenants, and the credential source that lets
    /// the Graph adapter serve them. The tenant store comes with the other stores
    /// (<see cref="M365Scanner.Storage.StorageRegistration.AddScannerStorage"/>).</summary>
    public static IHostApplicationBuilder AddScannerOnboarding(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OnboardingOptions>().BindConfiguration(OnboardingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UsedConsentStates>();
        services.AddSingleton<ConsentStates>();
        services.AddSingleton<ConsentVerifier>();
        services.AddSingleton<ITenantCredentialSource, ConsentedTenantCredentials>();
        services.AddSingleton<IMonitoredMailboxes, StoredMailboxes>();
        services.AddTransient<OnboardingJobs>();
        return builder;
    }
}
