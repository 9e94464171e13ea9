using System.ComponentModel.DataAnnotations;

namespace M365Scanner.Host;

/// <summary>An optional setting that, when given, must be a signing key of <see cref="SigningKeyFormat"/>: checked
/// with the options at start-up, so a bad key stops the host with a message naming the setting.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SigningKeyAttribute(string setting) : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string key && !string.IsNullOrWhiteSpace(key) && SigningKeyFormat.Problem(setting, key) is { } problem
            ? new ValidationResult(problem, validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
}
