using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using M365Scanner.Core.Reference;
using M365Scanner.Storage.Reference;

namespace M365Scanner.Storage.Tests.Reference;

public sealed class ReferenceRefresherTests : IDisposable
{
    private static readonly ReferenceListSpec Shorteners = ReferenceLists.UrlShorteners;
    private static readonly string ManyShorteners = string.Join('\n', Enumerable.Range(0, 400).Select(i => $"s{i}.example"));

    private readonly string _folder = Directory.CreateTempSubdirectory("m365scanner-reference-").FullName;
    private readonly List<ReferenceData> _published = [];
    private readonly FakeServer _server = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ReferenceRefresher Refresher(string location) => new(
        Options.Create(new ReferenceDataOptions { Refresh = true, Sources = { [Shorteners.Name] = location } }),
        new FakeHttpClientFactory(_server), NullLogger<ReferenceRefresher>.Instance, TimeProvider.System,
        ReferenceData.Embedded, _published.Add);

    private string FileWith(string text)
    {
        var path = Path.Combine(_folder, "url_shorteners.txt");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Refresh_KeepsShippedCopy_WhenFileIsMissing()
    {
        var refresher = Refresher(Path.Combine(_folder, "absent.txt"));
        var outcome = Assert.Single(await refresher.RefreshAsync(CancellationToken.None));
        Assert.Equal(ReferenceRefreshResult.Kept, outcome.Result);
        Assert.Contains("file not found", outcome.Reason);
        Assert.Same(ReferenceData.Embedded, refresher.Current);
        Assert.Empty(_published);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n\n")]
    public async Task Refresh_KeepsShippedCopy_WhenFileParsesToNothing(string text)
    {
        var refresher = Refresher(FileWith(text));
        Assert.Equal(ReferenceRefreshResult.Kept, Assert.Single(await refresher.RefreshAsync(CancellationToken.None)).Result);
        Assert.Same(ReferenceData.Embedded[Shorteners], refresher.Current[Shorteners]);
        Assert.Empty(_published);
    }

    [Fact]
    public async Task Refresh_KeepsShippedCopy_WhenCopyHasImplausiblyFewEntries()
    {
        var refresher = Refresher(FileWith("only.example\ntwo.example\n"));
        var outcome = Assert.Single(await refresher.RefreshAsync(CancellationToken.None));
        Assert.Equal(ReferenceRefreshResult.Kept, outcome.Result);
        Assert.Contains("2 entries", outcome.Reason);
    }

    [Fact]
    public async Task Refresh_PublishesNewCopy_SkippingMalformedLines()
    {
        var path = FileWith(ManyShorteners + "\nnot a host\n<b>\nfresh-short.example\n");
        var refresher = Refresher(path);
        Assert.Equal(ReferenceRefreshResult.Updated, Assert.Single(await refresher.RefreshAsync(CancellationToken.None)).Result);

        var published = Assert.Single(_published);
        var list = published[Shorteners];
        Assert.Equal(401, list.Entries.Count);
        Assert.Equal(2, list.MalformedLines);
        Assert.Equal(path, list.LoadedFrom);
        Assert.NotNull(published.UrlShorteners.Match("fresh-short.example"));
        Assert.Same(published, refresher.Current);
    }

    [Fact]
    public async Task Refresh_KeepsLastGoodCopy_WhenLaterRefreshFails()
    {
        var path = FileWith(ManyShorteners);
        var refresher = Refresher(path);
        await refresher.RefreshAsync(CancellationToken.None);
        var good = refresher.Current;

        File.WriteAllText(path, "garbage with spaces\n");
        Assert.Equal(ReferenceRefreshResult.Kept, Assert.Single(await refresher.RefreshAsync(CancellationToken.None)).Result);
        File.Delete(path);
        Assert.Equal(ReferenceRefreshResult.Kept, Assert.Single(await refresher.RefreshAsync(CancellationToken.None)).Result);

        Assert.Same(good, refresher.Current);
        Assert.Single(_published);
        Assert.Equal(400, refresher.Current[Shorteners].Entries.Count);
    }

    [Fact]
    public async Task Refresh_KeepsLastGoodCopy_WhenNewCopyShrinksBelowHalf()
    {
        var path = FileWith(ManyShorteners);
        var refresher = Refresher(path);
        await refresher.RefreshAsync(CancellationToken.None);
        File.WriteAllText(path, string.Join('\n', Enumerable.Range(0, 150).Select(i => $"t{i}.example")));
        Assert.Equal(ReferenceRefreshResult.Kept, Assert.Single(await refresher.RefreshAsync(CancellationToken.None)).Result);
        Assert.Equal(400, refresher.Current[Shorteners].Entries.Count);
    }

    [Fact]
    public async Task Refresh_SendsETag_AndKeepsCopy_WhenServerAnswers304()
    {
        _server.Respond = request => request.Headers.IfNoneMatch.ToString() == "\"v1\""
            ? new HttpResponseMessage(HttpStatusCode.NotModified)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(ManyShorteners), Headers = { ETag = new("\"v1\"") } };
        var refresher = Refresher("https://lists.example/url_shorteners.txt?token=secret");

        Assert.Equal(ReferenceRefreshResult.Updated, Assert.Single(await refresher.RefreshAsync(CancellationToken.None)).Result);
        var fromUrl = refresher.Current;
        Assert.Equal("https://lists.example/url_shorteners.txt", fromUrl[Shorteners].LoadedFrom); // no query: it may hold a secret

        Assert.Equal(ReferenceRefreshResult.Unchanged, Assert.Single(await refresher.RefreshAsync(CancellationToken.None)).Result);
        Assert.Same(fromUrl, refresher.Current);
        Assert.Equal(["", "\"v1\""], _server.IfNoneMatchSeen);
        Assert.Single(_published);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task Refresh_KeepsShippedCopy_WhenServerFails(HttpStatusCode status)
    {
        _server.Respond = _ => new HttpResponseMessage(status);
        var refresher = Refresher("https://lists.example/url_shorteners.txt");
        var outcome = Assert.Single(await refresher.RefreshAsync(CancellationToken.None));
        Assert.Equal(ReferenceRefreshResult.Kept, outcome.Result);
        Assert.Contains($"HTTP {(int)status}", outcome.Reason);
        Assert.Same(ReferenceData.Embedded, refresher.Current);
    }

    [Fact]
    public async Task Refresh_KeepsShippedCopy_WhenServerIsUnreachable()
    {
        _server.Respond = _ => throw new HttpRequestException("connection refused");
        var refresher = Refresher("https://lists.example/url_shorteners.txt");
        Assert.Equal(ReferenceRefreshResult.Kept, Assert.Single(await refresher.RefreshAsync(CancellationToken.None)).Result);
    }

    [Fact]
    public async Task Refresh_ReportsUnchanged_WhenFileHasTheSameBytes()
    {
        var path = FileWith(ManyShorteners);
        var refresher = Refresher(path);
        await refresher.RefreshAsync(CancellationToken.None);
        Assert.Equal(ReferenceRefreshResult.Unchanged, Assert.Single(await refresher.RefreshAsync(CancellationToken.None)).Result);
        Assert.Single(_published);
    }

    [Theory]
    [InlineData("sublime-static-files/url_shorteners.txt", "relative/path.txt", false)]
    [InlineData("sublime-static-files/url_shorteners.txt", "http://insecure.example/list.txt", false)]
    [InlineData("no-such/list.txt", "/tmp/list.txt", false)]
    [InlineData("sublime-static-files/url_shorteners.txt", "/tmp/list.txt", true)]
    [InlineData("publicsuffix/public_suffix_list.dat", "https://publicsuffix.org/list/public_suffix_list.dat", true)]
    public void Options_AcceptOnlyKnownListsFromAbsolutePathsOrHttps(string name, string location, bool valid)
    {
        var options = new ReferenceDataOptions { Sources = { [name] = location } };
        Assert.Equal(valid, !options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Any());
    }

    private sealed class FakeServer : HttpMessageHandler
    {
        public Func<HttpRequestMessage, HttpResponseMessage> Respond { get; set; } = _ => new HttpResponseMessage(HttpStatusCode.NotFound);
        public List<string> IfNoneMatchSeen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            IfNoneMatchSeen.Add(request.Headers.IfNoneMatch.ToString());
            return Task.FromResult(Respond(request));
        }
    }

    private sealed class FakeHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
