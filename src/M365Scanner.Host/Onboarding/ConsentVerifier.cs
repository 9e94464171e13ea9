using System.Text.Json;
using Azure.Core;
using M365Scanner.Core.Onboarding;
using M365Scanner.Graph;
using M365Scanner.Graph.Clients;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Onboarding;

/// <summary>
/// Checks that a consent really granted what the scanner needs: it asks the authority for an app-only token for the
/// tenant with the multi-tenant app's credential (same authority and TLS trust as the Graph adapter) and reads the
/// token's <c>tid</c> (which organization it was issued for) and <c>roles</c> claims. Only the authority can issue
/// it, and only for an organization where the app was consented, which is what makes it proof where the callback's
/// query string is not (anyone can type <c>admin_consent=True&amp;tenant=...</c>). The token comes straight from the
/// authority over TLS to us, so its payload is read without checking the signature (Graph, its audience, is who
/// checks that).
/// </summary>
public sealed class ConsentVerifier(IOptions<GraphOptions> graph, IOptions<OnboardingOptions> options)
{
    /// <summary>Mail.ReadWrite: read messages, move them to quarantine, write rewritten copies. User.Read.All: list
    /// the tenant's users to find the mailboxes to protect.</summary>
    public static readonly string[] RequiredRoles = ["Mail.ReadWrite", "User.Read.All"];

    /// <summary>What an app token for <paramref name="tenant"/> (a tenant id or a verified domain) says now: the
    /// organization it was issued for and its application roles.</summary>
    /// <exception cref="Azure.Identity.AuthenticationFailedException">No token: the app is unknown in the tenant,
    /// its credential is wrong, or the authority is unreachable.</exception>
    public async Task<ConsentGrant> GrantAsync(string tenant, CancellationToken ct)
    {
        // A new credential each time: its token cache is its own, so a token from before the consent is never reused.
        var credential = TenantCredentials.Create(graph.Value, options.Value.CredentialFor(tenant));
        var token = await credential.GetTokenAsync(new TokenRequestContext([AdminConsentUrl.GraphDefaultScope]), ct);
        return new ConsentGrant(TenantOf(token.Token), RolesOf(token.Token));
    }

    /// <summary>The <c>tid</c> claim of a JWT as a lower-case GUID string; empty when absent or not a GUID.</summary>
    internal static string TenantOf(string jwt)
    {
        using var json = Payload(jwt);
        return json is not null && json.RootElement.TryGetProperty("tid", out var tid) && tid.ValueKind == JsonValueKind.String
                                && Guid.TryParse(tid.GetString(), out var id)
            ? id.ToString("D")
            : "";
    }

    /// <summary>The <c>roles</c> claim of a JWT (empty when absent or when the token is not a JWT).</summary>
    internal static IReadOnlyList<string> RolesOf(string jwt)
    {
        using var json = Payload(jwt);
        return json is not null && json.RootElement.TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Array
            ? [.. roles.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()).OfType<string>()]
            : [];
    }

    private static JsonDocument? Payload(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length < 2)
            return null;
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
            var json = JsonDocument.Parse(Convert.FromBase64String(payload));
            if (json.RootElement.ValueKind == JsonValueKind.Object)
                return json;
            json.Dispose();
            return null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
