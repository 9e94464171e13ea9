using M365Scanner.GraphEmulator.Directory;

namespace M365Scanner.GraphEmulator.Identity;

/// <summary>How a confidential client proves itself at the token endpoint: a client secret in the body or a signed
/// certificate assertion (private_key_jwt). Errors are Entra's AADSTS codes for each case.</summary>
internal static class ClientAuthentication
{
    private const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>Null when the client is authenticated (or is a public client that may go without, an app registered
    /// with no secret and no certificate, when <paramref name="publicClientAllowed"/>); else the error to return.</summary>
    public static async Task<IResult?> CheckAsync(IFormCollection form, AppRegistration app, TimeProvider time, bool publicClientAllowed)
    {
        if (form.TryGetValue("client_secret", out var secret))
        {
            if (app.Secret is null || secret != app.Secret)
                return OAuthError.Result(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.");
            return null;
        }
        if (form["client_assertion_type"] == AssertionType && form["client_assertion"].ToString() is { Length: > 0 } assertion)
        {
            if (await ClientAssertionValidator.ValidateAsync(assertion, app, time.GetUtcNow()) is { } failure)
                return OAuthError.Result(401, "invalid_client", 700027, failure);
            return null;
        }
        if (publicClientAllowed && app.Secret is null && app.Certificate is null)
            return null;
        return OAuthError.Result(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }
}
