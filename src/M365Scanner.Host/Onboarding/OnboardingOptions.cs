using System.ComponentModel.DataAnnotations;
using M365Scanner.Graph;

namespace M365Scanner.Host.Onboarding;

/// <summary>The multi-tenant app that admins of other organizations consent to (section "Onboarding"). Leave
/// ClientId empty to switch onboarding off: /onboard then says so, and only configured tenants are scanned.</summary>
/// <remarks>See docs/ONBOARDING.md for the app registration these settings name.</remarks>
public sealed class OnboardingOptions : IValidatableObject
{
    public const string Section = "Onboarding";

    /// <summary>Application (client) id of the multi-tenant app registration.</summary>
    public string? ClientId { get; set; }

    /// <summary>Its client secret (never logged). Exactly one of this or <see cref="CertificatePath"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Path to a PFX (with private key) or a PEM holding certificate and key: preferred over a secret.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of the PFX, if any. Never logged.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Where Entra ID sends the admin back; must be a redirect URI of the app registration. Default
    /// {Scanner:PublicBaseUrl}/onboard/callback.</summary>
    [Url]
    public string? RedirectUri { get; set; }

    /// <summary>How long a consent started at /onboard may take to come back.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan StateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public bool Enabled => !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The app's credential in <paramref name="tenantId"/> (one app, one credential, every tenant).</summary>
    public TenantCredentialOptions CredentialFor(string tenantId) => new()
    {
        TenantId = tenantId, ClientId = ClientId ?? "", ClientSecret = ClientSecret,
        CertificatePath = CertificatePath, CertificatePassword = CertificatePassword,
    };

    /// <summary>The redirect URI to send, given the host's public base URL.</summary>
    public Uri RedirectUriFor(string publicBaseUrl) =>
        new(string.IsNullOrWhiteSpace(RedirectUri) ? publicBaseUrl.TrimEnd('/') + "/onboard/callback" : RedirectUri);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
            yield break;
        if (string.IsNullOrEmpty(ClientSecret) == string.IsNullOrEmpty(CertificatePath))
            yield return new ValidationResult("Onboarding: set exactly one of ClientSecret or CertificatePath for the multi-tenant app.",
                [nameof(ClientSecret), nameof(CertificatePath)]);
    }

    /// <summary>Client and kind of credential; the secret and password are redacted.</summary>
    public override string ToString() => Enabled
        ? $"onboarding app {ClientId}, " + (string.IsNullOrEmpty(CertificatePath) ? "client secret (redacted)" : $"certificate {CertificatePath}")
        : "onboarding off";
}
