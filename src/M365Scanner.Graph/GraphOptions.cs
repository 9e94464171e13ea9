using System.ComponentModel.DataAnnotations;

namespace M365Scanner.Graph;

/// <summary>How the scanner reaches Microsoft Graph: endpoints, TLS trust, throttling limits and the per-tenant
/// app credentials. Bound from the "Graph" configuration section and validated at start.</summary>
/// <remarks>The defaults are Microsoft's public cloud. For the emulator, set <see cref="BaseUrl"/>,
/// <see cref="AuthorityHost"/>, <see cref="TrustedHosts"/> (the Azure auth provider sends tokens only to these hosts)
/// and <see cref="PinnedCertificatePem"/>.</remarks>
public sealed class GraphOptions : IValidatableObject
{
    public const string SectionName = "Graph";

    /// <summary>Graph's root including the version, e.g. https://graph.microsoft.com/v1.0.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Entra ID authority host for Azure.Identity.</summary>
    [Required, Url]
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>Hosts that may receive the bearer token. Must include the host of <see cref="BaseUrl"/>.</summary>
    [MinLength(1)]
    public List<string> TrustedHosts { get; set; } = ["graph.microsoft.com"];

    /// <summary>When set, TLS to Graph and the authority accepts exactly this certificate (PEM) and nothing else:
    /// for the emulator's self-made certificate. Never an "accept all".</summary>
    public string? PinnedCertificatePem { get; set; }

    /// <summary>Requests in flight per mailbox from this process (Outlook allows 4 per app and mailbox).</summary>
    [Range(1, 16)]
    public int MaxConcurrentRequestsPerMailbox { get; set; } = 4;

    /// <summary>Retries of one request on 429/503/504 by the SDK's retry handler (which honours Retry-After).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 6;

    /// <summary>Largest attachment read for scanning. One declared larger is never downloaded (it is scanned as "too
    /// large", a gap the policy's fail-safe acts on); one declared within it is read under this cap, so a declared
    /// size that lies cannot make the scanner hold more.</summary>
    [Range(1, 150L * 1024 * 1024)]
    public long MaxAttachmentBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>When two or more file attachments are all within <see cref="MaxAttachmentBytes"/> and their declared
    /// sizes add up to at most this, their bytes are read in one list request (base64 in JSON) instead of one /$value
    /// request each. 0 reads each by /$value. Kept small: the JSON, its base64 text and the decoded bytes are in memory
    /// together.</summary>
    [Range(0, 25L * 1024 * 1024)]
    public long MaxListedAttachmentBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Where an attachment over <see cref="MaxAttachmentBytes"/> is spooled while a rewritten copy that must carry
    /// it is made (up to Graph's 150 MB each; deleted once the copy is made). The system's temporary folder by default.</summary>
    public string SpoolDirectory { get; set; } = Path.GetTempPath();

    /// <summary>Messages per page ($top) when a baseline reads a folder's history: one request per page. Graph allows
    /// 1 to 1,000 for message lists; larger pages of full bodies risk gateway timeouts (504), and a page is also what a
    /// restarted baseline re-reads and how long it holds the graph's write transaction. See docs/BENCHMARKS.md.</summary>
    [Range(1, 1000)]
    public int HistoryPageSize { get; set; } = 100;

    /// <summary>Messages per page ($top) when a hunt reads a folder: one request per page, each message with its
    /// bodies, headers and attachment metadata (never attachment bytes). Graph allows 1 to 1,000. 100 (was 25) cut a
    /// hunt's requests per 1,000 messages from 145 to 115 in the measured mix; 250 saves 6 more at two and a half times
    /// the page, the size Graph warns may time out with full payloads. See docs/BENCHMARKS.md ("Retro-hunts").</summary>
    [Range(1, 1000)]
    public int HuntPageSize { get; set; } = 100;

    /// <summary>The tenants this installation scans, each with its own app credential.</summary>
    public List<TenantCredentialOptions> Tenants { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // DataAnnotations does not descend into list items, so each tenant is checked here.
        for (var i = 0; i < Tenants.Count; i++)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(Tenants[i], new ValidationContext(Tenants[i]), results, validateAllProperties: true);
            foreach (var r in results)
                yield return new ValidationResult($"Tenants[{i}]: {r.ErrorMessage}", r.MemberNames.Select(m => $"Tenants[{i}].{m}"));
        }
        var duplicate = Tenants.GroupBy(t => t.TenantId, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            yield return new ValidationResult($"Tenant {duplicate.Key} is configured more than once.", [nameof(Tenants)]);
        if (Uri.TryCreate(BaseUrl, UriKind.Absolute, out var graph)
            && !TrustedHosts.Contains(graph.Host, StringComparer.OrdinalIgnoreCase))
            yield return new ValidationResult(
                $"TrustedHosts must include the Graph host '{graph.Host}', or no request would carry a token.", [nameof(TrustedHosts)]);
        // Said at start, not at the first rewrite of a message with an attachment over the cap.
        if (string.IsNullOrWhiteSpace(SpoolDirectory))
            yield return new ValidationResult("SpoolDirectory must name a folder (the system's temporary folder by default).", [nameof(SpoolDirectory)]);
    }

    /// <summary>Readable settings for start-up logs; credentials are never included.</summary>
    public override string ToString() =>
        $"Graph {BaseUrl}, authority {AuthorityHost}, trusted [{string.Join(", ", TrustedHosts)}], " +
        $"pinned certificate: {(PinnedCertificatePem is null ? "no" : "yes")}, {MaxConcurrentRequestsPerMailbox} per mailbox, " +
        $"pages of {HistoryPageSize} (baseline) and {HuntPageSize} (hunts), attachments up to {MaxAttachmentBytes} bytes (listed together up to {MaxListedAttachmentBytes}), tenants [{string.Join("; ", Tenants)}]";
}
