using M365Scanner.Graph.Mail;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Mailboxes.Graph;

/// <summary>The <see cref="OwnMessageMarker"/> of this deployment, keyed from <c>Scanner:BlockedLinkSigningKey</c>, the
/// one secret every host of a deployment shares (required with PostgreSQL): a marker one host writes verifies on the
/// others and after a restart, and no new setting is needed. The marker's key is derived for its purpose alone (see
/// <see cref="OwnMessageMarker.Purpose"/>), so a tag is never a valid blocked-link token or consent state.</summary>
/// <remarks>Without the setting (a single host), a random key per process, as the blocked links have: the markers of
/// an earlier run then no longer verify, and what that costs is said in docs/GRAPH.md.</remarks>
public static class OwnMessageMarkerKey
{
    public static OwnMessageMarker Create(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<ScannerHostOptions>>().Value.BlockedLinkSigningKey;
        var log = services.GetRequiredService<ILogger<OwnMessageMarker>>();
        // Validated at start (ScannerHostOptions), so a configured key decodes.
        if (!string.IsNullOrWhiteSpace(configured) && SigningKeyFormat.TryDecode(configured, out var key))
            return OwnMessageMarker.DerivedFrom(key, log);
        log.LogWarning("No Scanner:BlockedLinkSigningKey configured: the scanner's own-message markers use a random key, so copies and notices made before a restart are no longer recognised as its own");
        return OwnMessageMarker.OfThisProcess(log);
    }
}
