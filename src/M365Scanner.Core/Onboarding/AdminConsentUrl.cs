namespace M365Scanner.Core.Onboarding;

/// <summary>The Microsoft identity platform's admin-consent URL for a multi-tenant app: an admin of any organization
/// who opens it signs in, sees the application permissions the app registration asks for, and grants them for their
/// whole tenant; Entra ID then redirects to <c>redirect_uri</c> with <c>admin_consent=True&amp;tenant=...</c> or with
/// <c>error</c> and <c>error_description</c>, echoing <c>state</c>.</summary>
public static class AdminConsentUrl
{
    /// <summary>Graph's static scope: consent covers every application permission in the app registration.</summary>
    public const string GraphDefaultScope = "https://graph.microsoft.com/.default";

    /// <summary>The generic authority: an admin of any organization signs in and consents for their own.</summary>
    public const string AnyOrganization = "organizations";

    /// <summary>{authority}/{tenant}/v2.0/adminconsent?client_id=...&amp;scope=...&amp;redirect_uri=...[&amp;state=...]</summary>
    /// <param name="tenant">The organization asked (tenant id or verified domain, see <see cref="ConsentTenant"/>),
    /// or <see cref="AnyOrganization"/>.</param>
    /// <exception cref="ArgumentException">The authority or the redirect URI is not an absolute URL, or the client id
    /// or the tenant is empty.</exception>
    public static Uri Build(Uri authority, string clientId, Uri redirectUri, string? state = null, string tenant = AnyOrganization)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentNullException.ThrowIfNull(redirectUri);
        if (!authority.IsAbsoluteUri || !redirectUri.IsAbsoluteUri)
            throw new ArgumentException("The authority and the redirect URI must be absolute URLs.");
        var root = authority.ToString().TrimEnd('/');
        var query = $"client_id={Uri.EscapeDataString(clientId)}&scope={Uri.EscapeDataString(GraphDefaultScope)}" +
                    $"&redirect_uri={Uri.EscapeDataString(redirectUri.ToString())}";
        if (state is not null)
            query += $"&state={Uri.EscapeDataString(state)}";
        return new Uri($"{root}/{Uri.EscapeDataString(tenant)}/v2.0/adminconsent?{query}");
    }
}
