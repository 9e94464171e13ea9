using System.ComponentModel.DataAnnotations;
using M365Scanner.Core.Reference;

namespace M365Scanner.Storage.Reference;

/// <summary>Where the host refreshes its reference lists from (section "ReferenceData"), validated at start. Off by
/// default: the lists shipped in the product (reference/, built into Core) are used as they are.</summary>
public sealed class ReferenceDataOptions : IValidatableObject
{
    public const string Section = "ReferenceData";

    /// <summary>Refresh the lists named in <see cref="Sources"/> at start and then every <see cref="RefreshInterval"/>.</summary>
    public bool Refresh { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>List name (its path under reference/, e.g. "sublime-static-files/url_shorteners.txt") to where a
    /// newer copy is read: an absolute file path or an https URL (fetched with If-None-Match).</summary>
    public Dictionary<string, string> Sources { get; set; } = [];

    /// <summary>A copy with fewer entries than this share of the last good copy is taken for a broken download.</summary>
    [Range(0.0, 1.0)]
    public double MinimumShareOfPrevious { get; set; } = 0.5;

    /// <summary>Largest copy read, in bytes (the biggest shipped list, Tranco's top 50k, is under 1 MB).</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxBytes { get; set; } = 32 * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, location) in Sources)
        {
            if (ReferenceLists.Find(name) is null)
                yield return new ValidationResult($"ReferenceData:Sources names an unknown list \"{name}\" (see `m365scanner lists`).");
            else if (ReferenceSourceLocation.Parse(location) is null)
                yield return new ValidationResult($"ReferenceData:Sources:{name} must be an absolute file path or an https URL.");
        }
    }
}
