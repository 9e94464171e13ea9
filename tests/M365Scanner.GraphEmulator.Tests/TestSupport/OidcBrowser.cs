using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace M365Scanner.GraphEmulator.Tests.TestSupport;

/// <summary>Walks the emulator's sign-in pages the way a browser would, with plain HTTP: GET the authorize URL, read the
/// form, post the credentials, and read the code from the redirect (query) or the self-submitting form (form_post).</summary>
public sealed partial class OidcBrowser(EmulatorHost emulator) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = emulator.Trust.Validate },
    });

    public HttpClient Http => _http;

    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public string AuthorizeUrl(string tenant, IDictionary<string, string?> parameters) =>
        QueryHelpers.AddQueryString(new Uri(emulator.AuthorityHost, $"{tenant}/oauth2/v2.0/authorize").ToString(), parameters);

    /// <summary>Standard parameters of a code + PKCE request; change or remove entries to provoke refusals.</summary>
    public static Dictionary<string, string?> CodeRequest(string clientId, string redirectUri, string challenge, string responseMode = "form_post") => new()
    {
        ["client_id"] = clientId,
        ["redirect_uri"] = redirectUri,
        ["response_type"] = "code",
        ["response_mode"] = responseMode,
        ["scope"] = "openid profile",
        ["state"] = "state-" + Guid.NewGuid().ToString("N"),
        ["nonce"] = "nonce-" + Guid.NewGuid().ToString("N"),
        ["code_challenge"] = challenge,
        ["code_challenge_method"] = "S256",
    };

    /// <summary>GETs the authorize URL, fills in the sign-in form and posts it; returns the emulator's answer.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string authorizeUrl, string username, string password)
    {
        using var page = await _http.GetAsync(authorizeUrl);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"sign-in page: {(int)page.StatusCode} {html}");
        var form = Form(html);
        form.Fields["username"] = username;
        form.Fields["password"] = password;
        return await _http.PostAsync(new Uri(new Uri(authorizeUrl), form.Action), new FormUrlEncodedContent(form.Fields));
    }

    /// <summary>The parameters the emulator sent back to the app, from a 302 (query) or a form_post page.</summary>
    public static async Task<Dictionary<string, string>> AnswerAsync(HttpResponseMessage response, string expectedRedirectUri)
    {
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var location = response.Headers.Location!;
            Assert.StartsWith(expectedRedirectUri + "?", location.ToString());
            return QueryHelpers.ParseQuery(location.Query).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = Form(await response.Content.ReadAsStringAsync());
        Assert.Equal(expectedRedirectUri, form.Action);
        return form.Fields;
    }

    public static (string Action, Dictionary<string, string> Fields) Form(string html)
    {
        var action = WebUtility.HtmlDecode(FormAction().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No form in: " + html));
        var fields = HiddenInput().Matches(html).ToDictionary(x => WebUtility.HtmlDecode(x.Groups[1].Value), x => WebUtility.HtmlDecode(x.Groups[2].Value));
        return (action, fields);
    }

    /// <summary>Redeems a code at the token endpoint; null fields are left out of the request.</summary>
    public async Task<HttpResponseMessage> RedeemAsync(string tenant, IDictionary<string, string?> fields)
    {
        var body = fields.Where(kv => kv.Value is not null).Select(kv => KeyValuePair.Create(kv.Key, kv.Value!));
        return await _http.PostAsync(new Uri(emulator.AuthorityHost, $"{tenant}/oauth2/v2.0/token"), new FormUrlEncodedContent(body));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();

    public void Dispose() => _http.Dispose();
}
