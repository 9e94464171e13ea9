using System.Net;
using System.Text;
using M365Scanner.Cli.Commands;

namespace M365Scanner.Cli.Tests.Commands;

/// <summary><c>export</c> against a stub of the host's export: paging to the end, the cursor file kept across runs,
/// and what happens when a page cannot be fetched or written.</summary>
[Collection(nameof(AdminApiClient))]
public sealed class ExportCommandTests : IDisposable
{
    private const string Host = "http://scanner.test:5000";
    private readonly TempDir _dir = new();
    private readonly List<string> _changes = [];
    private readonly List<Uri> _requests = [];
    private int? _failRequest;

    public ExportCommandTests() => AdminApiClient.Handler = () => new FeedStub(this);

    public void Dispose()
    {
        AdminApiClient.Handler = () => new HttpClientHandler();
        _dir.Dispose();
    }

    [Fact]
    public async Task Export_PagesToTheEnd_AndTheNextRunResumesFromTheCursorFile_WithoutLossOrRepeat()
    {
        Add(5);
        var cursorFile = Path.Combine(_dir.Path, "verdicts.cursor");

        var first = await CliRun.Of("export", "--kind", "verdicts", "--limit", "2", "--cursor-file", cursorFile, "--host", Host);
        Add(3);
        var second = await CliRun.Of("export", "--kind", "verdicts", "--limit", "2", "--cursor-file", cursorFile, "--host", Host);

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Equal(_changes, first.Lines.Concat(second.Lines).Select(l => l.GetProperty("id").GetString()));
        Assert.Equal("c8\n", File.ReadAllText(cursorFile));
        Assert.Equal("/api/admin/export/verdicts?format=jsonl&cursor=c5&limit=2", _requests[4].PathAndQuery);
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.tmp"));
    }

    [Fact]
    public async Task Export_KeepsTheLastWrittenPagesCursor_WhenAPageFails_SoTheNextRunLosesNothing()
    {
        Add(6);
        var cursorFile = Path.Combine(_dir.Path, "audit.cursor");
        _failRequest = 2;

        var failed = await CliRun.Of("export", "--kind", "audit", "--limit", "2", "--cursor-file", cursorFile, "--host", Host);
        _failRequest = null;
        var resumed = await CliRun.Of("export", "--kind", "audit", "--limit", "2", "--cursor-file", cursorFile, "--host", Host);

        Assert.Equal(ExitCodes.Refused, failed.ExitCode);
        Assert.Contains("500", failed.Stderr, StringComparison.Ordinal);
        Assert.Equal(_changes, failed.Lines.Concat(resumed.Lines).Select(l => l.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Export_DoesNotSaveTheCursor_WhenTheOutputCannotBeWritten_SoThePageIsExportedAgain()
    {
        Add(4);
        var cursorFile = Path.Combine(_dir.Path, "verdicts.cursor");
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(
            ["export", "--kind", "verdicts", "--limit", "2", "--cursor-file", cursorFile, "--host", Host], new FailingWriter(failOnFlush: 2), stderr);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("No space left on device", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("c2\n", File.ReadAllText(cursorFile));
        var resumed = await CliRun.Of("export", "--kind", "verdicts", "--limit", "2", "--cursor-file", cursorFile, "--host", Host);
        Assert.Equal(["c3", "c4"], resumed.Lines.Select(l => l.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Export_AsCsvToAFile_WritesTheHeaderOnce_AcrossPagesAndRuns()
    {
        Add(3);
        var cursorFile = Path.Combine(_dir.Path, "audit.cursor");
        var output = Path.Combine(_dir.Path, "audit.csv");

        await CliRun.Of("export", "--kind", "audit", "--format", "csv", "--limit", "2", "--cursor-file", cursorFile, "--out", output, "--host", Host);
        Add(1);
        var second = await CliRun.Of("export", "--kind", "audit", "--format", "csv", "--limit", "2", "--cursor-file", cursorFile, "--out", output, "--host", Host);

        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Equal("", second.Stdout);
        Assert.Equal("id\r\nc1\r\nc2\r\nc3\r\nc4\r\n", File.ReadAllText(output));
    }

    [Theory]
    [InlineData("export", "--host", Host)]
    [InlineData("export", "--kind", "tenants", "--host", Host)]
    [InlineData("export", "--kind", "audit", "--format", "xml", "--host", Host)]
    [InlineData("export", "--kind", "audit", "--limit", "0", "--host", Host)]
    [InlineData("export", "--kind", "audit")]
    public async Task Export_Exits2_WhenArgumentsAreWrong(params string[] args)
    {
        var run = await CliRun.Of(args);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Empty(_requests);
    }

    private void Add(int count)
    {
        var start = _changes.Count;
        for (var i = start + 1; i <= start + count; i++)
            _changes.Add($"c{i}");
    }

    /// <summary>Answers as the host's export does, with cursors "c{n}" after the n-th change.</summary>
    private sealed class FeedStub(ExportCommandTests test) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            test._requests.Add(request.RequestUri!);
            if (test._requests.Count == test._failRequest)
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("database down") });
            var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
            var after = query["cursor"] is { } cursor ? int.Parse(cursor[1..], System.Globalization.CultureInfo.InvariantCulture) : 0;
            var limit = int.Parse(query["limit"] ?? "1000", System.Globalization.CultureInfo.InvariantCulture);
            var page = test._changes.Skip(after).Take(limit).ToList();
            var csv = query["format"] == "csv";
            var body = csv
                ? "id\r\n" + string.Concat(page.Select(c => c + "\r\n"))
                : string.Concat(page.Select(c => $"{{\"id\":\"{c}\",\"cursor\":\"{c}\"}}\n"));
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, csv ? "text/csv" : "application/x-ndjson") };
            response.Headers.Add("X-Next-Cursor", $"c{after + page.Count}");
            return Task.FromResult(response);
        }
    }

    /// <summary>stdout that fails on its <paramref name="failOnFlush"/>-th flush, as a full disk or a closed pipe would.</summary>
    private sealed class FailingWriter(int failOnFlush) : StringWriter
    {
        private int _flushes;

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            ++_flushes == failOnFlush ? Task.FromException(new IOException("No space left on device")) : Task.CompletedTask;
    }
}
