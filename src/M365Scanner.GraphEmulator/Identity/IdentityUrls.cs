namespace M365Scanner.GraphEmulator.Identity;

/// <summary>The emulator's v2.0 authority URLs of a tenant, built from the address the caller used (the port is chosen
/// at start-up), so the issuer in the discovery document and in id tokens are the same string.</summary>
internal static class IdentityUrls
{
    public static string Root(HttpRequest request, string tenantId) => $"{request.Scheme}://{request.Host}/{tenantId}";

    public static string Issuer(HttpRequest request, string tenantId) => Root(request, tenantId) + "/v2.0";
}
