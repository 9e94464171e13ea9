using System.Net;
using System.Text.RegularExpressions;
using M365Scanner.GraphEmulator.Control;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>
/// The console as a browser without script sees it, over plain HTTP: a cookie jar, redirects followed by hand (so a
/// test can see where each one leads), the emulator's sign-in form filled in, and forms posted with the antiforgery
/// token of the page they came from. Trusts exactly the emulator's certificate.
/// </summary>
public sealed partial class ConsoleBrowser : IDisposable
{
    private const int MaxRedirects = 10;
    private readonly HttpClient _http;
    private readonly Uri _host;

    public ConsoleBrowser(ScannerEnvironment environment)
    {
        _host = new Uri(environment.BaseUrl);
        _http = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = environment.Emulator.Trust.Validate },
        });
    }

    /// <summary>Opens the console, is sent to the emulator's sign-in form, signs in and follows the redirects back.
    /// Returns the page the console finally shows.</summary>
    public async Task<Page> SignInAsync(ConsoleTestUser user, string path = "/console/messages")
    {
        var signIn = await GetAsync(path);
        Assert.True(signIn.Status == HttpStatusCode.OK && signIn.Html.Contains("name=\"password\"", StringComparison.Ordinal),
            $"expected the emulator's sign-in form, got {(int)signIn.Status} at {signIn.Url}");
        var form = Form(signIn.Html);
        form.Fields["username"] = user.UserPrincipalName;
        form.Fields["password"] = user.Password;
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(signIn.Url, form.Action)) { Content = new FormUrlEncodedContent(form.Fields) });
    }

    public Task<Page> GetAsync(string pathOrUrl) => SendAsync(new HttpRequestMessage(HttpMethod.Get, Resolve(pathOrUrl)));

    /// <summary>Posts <paramref name="fields"/> to <paramref name="path"/> with the antiforgery token found on
    /// <paramref name="from"/> (the page the form is on), as the browser would.</summary>
    public Task<Page> PostAsync(string path, Page from, IReadOnlyDictionary<string, string> fields)
    {
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(from.Html) };
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, Resolve(path)) { Content = new FormUrlEncodedContent(all) });
    }

    /// <summary>Sends and follows redirects (a 302/303 continues as GET); the last answer's status, URL and body.</summary>
    public async Task<Page> SendAsync(HttpRequestMessage request)
    {
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            using var response = await _http.SendAsync(request);
            var url = request.RequestUri!;
            request.Dispose();
            if ((int)response.StatusCode is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is null)
                return new Page(response.StatusCode, url, await response.Content.ReadAsStringAsync());
            request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, response.Headers.Location));
        }
        throw new InvalidOperationException($"more than {MaxRedirects} redirects");
    }

    /// <summary>One request, no redirect followed: for a test that reads the response's headers.</summary>
    public Task<HttpResponseMessage> RawAsync(string path) => _http.GetAsync(Resolve(path));

    public static string AntiforgeryToken(string html) =>
        TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("the page has no antiforgery token");

    /// <summary>The first form of a page: its action and its named inputs' values.</summary>
    public static (string Action, Dictionary<string, string> Fields) Form(string html)
    {
        var action = FormAction().Match(html);
        var fields = InputField().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value),
            m => WebUtility.HtmlDecode(m.Groups["value"].Success ? m.Groups["value"].Value : ""));
        return (action.Success ? WebUtility.HtmlDecode(action.Groups[1].Value) : "", fields);
    }

    private Uri Resolve(string pathOrUrl) => new(_host, pathOrUrl);

    public void Dispose() => _http.Dispose();

    public sealed record Page(HttpStatusCode Status, Uri Url, string Html);

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input[^>]*name=\"(?<name>[^\"]+)\"(?:[^>]*value=\"(?<value>[^\"]*)\")?", RegexOptions.IgnoreCase)]
    private static partial Regex InputField();
}
