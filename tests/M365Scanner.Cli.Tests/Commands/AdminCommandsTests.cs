using System.Net;
using System.Text;
using M365Scanner.Cli.Commands;

namespace M365Scanner.Cli.Tests.Commands;

/// <summary><c>hunt</c> and <c>release</c>: argument checks, and the admin API request each makes (answered by a stub).</summary>
// One collection with the other tests that replace AdminApiClient.Handler, a static: they must not run side by side.
[Collection(nameof(AdminApiClient))]
public sealed class AdminCommandsTests : IDisposable
{
    private const string Key = "test-admin-key-0123456789abcdef";
    private readonly List<(HttpRequestMessage Request, string Body)> _requests = [];

    public AdminCommandsTests() => AdminApiClient.Handler = () => new Stub(this);

    public void Dispose() => AdminApiClient.Handler = () => new HttpClientHandler();

    [Theory]
    [InlineData("hunt", "--host", "http://localhost:5000", "--api-key", Key)]
    [InlineData("hunt", "--domain", "evil.example", "--url", "https://evil.example/", "--host", "http://localhost:5000", "--api-key", Key)]
    [InlineData("hunt", "--domain", "evil.example", "--api-key", Key)]
    [InlineData("hunt", "--domain", "evil.example", "--host", "not a url", "--api-key", Key)]
    [InlineData("hunt", "--domain", "evil.example", "--days", "0", "--host", "http://localhost:5000", "--api-key", Key)]
    [InlineData("release", "--host", "http://localhost:5000", "--api-key", Key)]
    [InlineData("release", "abc", "--host", "http://localhost:5000", "--api-key", Key)]
    public async Task AdminVerb_Exits2_WhenArgumentsAreWrong(params string[] args)
    {
        var run = await CliRun.Of(args);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Empty(_requests);
    }

    [Fact]
    public async Task Hunt_PostsTheIndicatorWithTheKey_AndPrintsTheAnswer()
    {
        var run = await CliRun.Of("hunt", "--domain", "evil.example", "--days", "7", "--host", "http://scanner.test:5000", "--api-key", Key);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var (request, body) = Assert.Single(_requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://scanner.test:5000/api/admin/hunts", request.RequestUri?.ToString());
        Assert.Equal(Key, request.Headers.GetValues("X-Api-Key").Single());
        Assert.Contains("\"domain\":\"evil.example\"", body, StringComparison.Ordinal);
        Assert.Contains("\"days\":7", body, StringComparison.Ordinal);
        Assert.Contains("\"act\":true", body, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"abc123\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_PostsTheAuditId_AndExits1_WhenTheHostRefuses()
    {
        var run = await CliRun.Of("release", "404", "--host", "http://scanner.test:5000/", "--api-key", Key);

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Equal("http://scanner.test:5000/api/admin/release/404", Assert.Single(_requests).Request.RequestUri?.ToString());
        Assert.Contains("409", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hunt", "--domain", "evil.example", "--host", "http://127.0.0.1:5080")]
    [InlineData("release", "12", "--host", "http://127.0.0.1:5080")]
    public async Task AdminVerb_WithoutAKey_SendsNone_AsTheDemoAdmitsLocalRequests(params string[] args)
    {
        var run = await CliRun.Of(args);

        var (request, _) = Assert.Single(_requests);
        Assert.False(request.Headers.Contains("X-Api-Key"));
        Assert.Equal(args[0] == "hunt" ? ExitCodes.Success : ExitCodes.Refused, run.ExitCode);
    }

    [Fact]
    public async Task AdminVerb_On401_PrintsTheHostsReason_AndWhatToChange()
    {
        _unauthorized = "no API key presented: send one of Scanner:ApiKeys in the X-Api-Key header";

        var withoutKey = await CliRun.Of("hunt", "--domain", "evil.example", "--host", "http://scanner.test:5000");
        _unauthorized = "the API key is not one of Scanner:ApiKeys";
        var withKey = await CliRun.Of("release", "7", "--host", "http://scanner.test:5000", "--api-key", "not-the-key");

        Assert.Equal(ExitCodes.Refused, withoutKey.ExitCode);
        Assert.Contains("401", withoutKey.Stderr, StringComparison.Ordinal);
        Assert.Contains("no API key presented", withoutKey.Stderr, StringComparison.Ordinal);
        Assert.Contains("M365SCANNER_API_KEY", withoutKey.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Refused, withKey.ExitCode);
        Assert.Contains("the API key is not one of Scanner:ApiKeys", withKey.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not know this key", withKey.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-key", withKey.Stderr, StringComparison.Ordinal);
    }

    private string? _unauthorized;

    private sealed class Stub(AdminCommandsTests test) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            test._requests.Add((request, body));
            if (test._unauthorized is { } reason)
                return new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent(reason) };
            return request.RequestUri!.AbsolutePath.Contains("/release/", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.Conflict) { Content = new StringContent("nothing to release") }
                : new HttpResponseMessage(HttpStatusCode.Accepted)
                {
                    Content = new StringContent("""{"id":"abc123","report":"/api/admin/hunts/abc123"}""", Encoding.UTF8, "application/json"),
                };
        }
    }
}
