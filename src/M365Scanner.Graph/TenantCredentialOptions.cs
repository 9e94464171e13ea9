using System.ComponentModel.DataAnnotations;

namespace M365Scanner.Graph;

/// <summary>One tenant's app registration: exactly one of a client secret or a certificate (a PFX or PEM file).
/// Values may come from any configuration provider, e.g. environment variables or a Key Vault provider.</summary>
public sealed class TenantCredentialOptions : IValidatableObject
{
    [Required]
    public string TenantId { get; set; } = "";

    [Required]
    public string ClientId { get; set; } = "";

    /// <summary>Secret value. Never logged: <see cref="ToString"/> leaves it out.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Path to a PFX (with private key) or a PEM holding certificate and key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of the PFX, if any. Never logged.</summary>
    public string? CertificatePassword { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasSecret = !string.IsNullOrEmpty(ClientSecret);
        var hasCertificate = !string.IsNullOrEmpty(CertificatePath);
        if (hasSecret == hasCertificate)
            yield return new ValidationResult(
                $"Tenant {TenantId}: set exactly one of ClientSecret or CertificatePath.", [nameof(ClientSecret), nameof(CertificatePath)]);
        if (!hasCertificate && !string.IsNullOrEmpty(CertificatePassword))
            yield return new ValidationResult($"Tenant {TenantId}: CertificatePassword without CertificatePath.", [nameof(CertificatePassword)]);
    }

    /// <summary>Tenant, client and which kind of credential; the secret and password are redacted.</summary>
    public override string ToString() =>
        $"tenant {TenantId}, client {ClientId}, " + (string.IsNullOrEmpty(CertificatePath) ? "client secret (redacted)" : $"certificate {CertificatePath}");
}
