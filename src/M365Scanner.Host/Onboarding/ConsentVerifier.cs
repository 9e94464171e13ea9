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
/// token's <c>roles</c> claim. The token comes straight from the authority over TLS to us, so its payload is read
/// without checking the signature (Graph, its audience, is who checks that).
/// </summary>
public sealed class ConsentVerifier(IOptions<GraphOptions> graph, IOptions<OnboardingOptions> options)
{
    /// <summary>Mail.ReadWrite: read messages, move them to quarantine, write rewritten copies. User.Read.All: list
    /// the tenant's users to find the mailboxes to protect.</summary>
    public static readonly string[] RequiredRoles = ["Mail.ReadWrite", "User.Read.All"];

    /// <summary>The application roles an app token for <paramref name="tenantId"/> carries now.</summary>
    /// <exception cref="Azure.Identity.AuthenticationFailedException">No token: the app is unknown in the tenant,
    /// its credential is wrong, or the authority is unreachable.</exception>
    public async Task<IReadOnlyList<string>> GrantedRolesAsync(string tenantId, CancellationToken ct)
    {
        // A new credential each time: its token cache is its own, so a token from before the consent is never reused.
        var credential = TenantCredentials.Create(graph.Value, options.Value.CredentialFor(tenantId));
        var token = await credential.GetTokenAsync(new TokenRequestContext([AdminConsentUrl.GraphDefaultScope]), ct);
        return RolesOf(token.Token);
    }

    /// <summary>The <c>roles</c> claim of a JWT (empty when absent or when the token is not a JWT).</summary>
    internal static IReadOnlyList<string> RolesOf(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length < 2)
            return [];
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
            using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
            return json.RootElement.TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Array
                ? [.. roles.EnumerateArray().Select(r => r.GetString()).OfType<string>()]
                : [];
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return [];
        }
    }
}
