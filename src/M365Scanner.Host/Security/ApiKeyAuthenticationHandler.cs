using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Security;

/// <summary>
/// Authenticates the dashboard and the admin API by API key: the <c>X-Api-Key</c> header (programs), or HTTP Basic
/// with the key as password (browsers, for the dashboard). Keys compare in constant time and are never logged. In the
/// embedded demo mode a request from this machine, naming this machine, is an admin without a key.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<ScannerHostOptions> scanner)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey();
        if (presented is null)
        {
            return Task.FromResult(scanner.Value.DemoMode && IsFromThisMachine(Context.Request)
                ? Success("local demo user", "Admin")
                : AuthenticateResult.NoResult());
        }
        var bytes = Encoding.UTF8.GetBytes(presented);
        foreach (var key in scanner.Value.ApiKeys)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key.Key), bytes))
                return Task.FromResult(Success(key.Name, key.Role));
        }
        Logger.LogWarning("Rejected an API key from {Remote}", Context.Connection.RemoteIpAddress);
        return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"M365Scanner\", charset=\"UTF-8\"";
        // A bare 401 leaves a new user guessing; the reason names what to send, never what was sent.
        Response.ContentType = "text/plain; charset=utf-8";
        return Response.WriteAsync(PresentedKey() is null ? NoKeyReason : UnknownKeyReason, Context.RequestAborted);
    }

    /// <summary>The 401's body when no key was presented.</summary>
    public const string NoKeyReason =
        $"no API key presented: send one of Scanner:ApiKeys in the {HeaderName} header, or as the password of an HTTP Basic login";

    /// <summary>The 401's body when a key was presented that the host does not know.</summary>
    public const string UnknownKeyReason = "the API key is not one of Scanner:ApiKeys";

    private string? PresentedKey()
    {
        if (Request.Headers.TryGetValue(HeaderName, out var header) && header.Count > 0)
            return header.ToString();
        var authorization = Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return null;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? null : decoded[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private AuthenticateResult Success(string name, string role)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>Keyless demo access needs all three: a loopback connection (what a remote client cannot fake), a
    /// loopback Host name (what a page rebinding its own name to 127.0.0.1 cannot fake), and no forwarding header (a
    /// proxy on this machine relays other machines' requests over loopback, and with forwarded headers enabled the
    /// connection's address is whatever the client wrote in X-Forwarded-For).</summary>
    private static bool IsFromThisMachine(HttpRequest request) =>
        request.HttpContext.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote) &&
        AllowedHostNames.IsLoopback(request.Host) &&
        !ForwardingHeaders.Any(request.Headers.ContainsKey);

    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "X-Original-For", "Forwarded"];
}
