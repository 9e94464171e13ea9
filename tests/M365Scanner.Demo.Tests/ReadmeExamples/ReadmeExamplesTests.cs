using System.Text.RegularExpressions;
using M365Scanner.Cli;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Demo.Tests.ReadmeExamples;

/// <summary>
/// The README's "Every command and endpoint" section, run: each <c>curl</c> and <c>m365scanner</c> line against the
/// demo, in order, as a user would paste them; and every route the host maps has an example there.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed partial class ReadmeExamplesTests
{
    private const string Heading = "## Every command and endpoint";
    private const string DocumentedHost = "http://127.0.0.1:5080";

    [Fact(Timeout = 240_000)]
    public async Task EveryCurlAndCliExample_WorksAgainstTheDemo_AndEveryHostRouteHasOne()
    {
        var lines = ReadmeSection.Lines(ReadmeSection.ReadReadme(), Heading, "curl", "m365scanner");
        Assert.True(lines.Count >= 20, $"the section lists {lines.Count} runnable examples");

        var data = SharedDataFolder.Locate()!;
        using var state = new TempDir();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var transcript = new StringWriter();
        var writer = TextWriter.Synchronized(transcript);
        await using var session = await new DemoRunner(new DemoSettings(true, 1, data, state.Path, 0), writer, writer).StartAsync(timeout.Token);
        var values = new DemoState(session);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        var failures = new List<string>();
        foreach (var line in lines)
        {
            var shell = ShellWords.Split(line, values.Value);
            var words = shell.Words.Select(w => w.Replace(DocumentedHost, session.BaseUrl)
                .Replace("../shared/data/", data.TrimEnd('/') + "/")).ToList();
            var outcome = words[0] == "curl" ? await CurlAsync(http, words) : await CliAsync(words);
            var expected = Expected(shell.Comment, words[0] == "curl");
            if (!expected(outcome.Code))
                failures.Add($"{line}\n  -> {outcome.Code}: {Excerpt(outcome.Output)}");
        }
        Assert.True(failures.Count == 0, "README examples that do not work against the demo:\n" + string.Join("\n", failures));

        var documented = lines.Where(l => l.StartsWith("curl ", StringComparison.Ordinal)).Select(Route).ToHashSet();
        var undocumented = HostRoutes(session.Services).Where(r => !documented.Contains(r) && !NotForUsers.Contains(r)).ToList();
        Assert.True(undocumented.Count == 0, "host routes with no example in the README: " + string.Join(", ", undocumented));
    }

    /// <summary>Routes called by a program the user does not drive, described in the section's prose instead.</summary>
    private static readonly HashSet<string> NotForUsers = ["GET /onboard/callback", "POST /blocked/*"];

    private static Func<int, bool> Expected(string comment, bool http)
    {
        var stated = StatedOutcome().Match(comment);
        if (stated.Success)
        {
            var code = int.Parse(stated.Groups[2].Value);
            return actual => actual == code;
        }
        return http ? actual => actual is >= 200 and < 300 : actual => actual == 0;
    }

    private static async Task<(int Code, string Output)> CurlAsync(HttpClient http, List<string> words)
    {
        using var response = await http.SendAsync(CurlCommand.ToRequest(words));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<(int Code, string Output)> CliAsync(List<string> words)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. words.Skip(1)], stdout, stderr);
        return (code, stdout + stderr.ToString());
    }

    /// <summary>"METHOD /path" of a README curl line, each $VARIABLE segment a *, without the query.</summary>
    private static string Route(string line)
    {
        var words = ShellWords.Split(line, name => "*").Words;
        var request = CurlCommand.ToRequest(words);
        return $"{request.Method} {Uri.UnescapeDataString(request.RequestUri!.AbsolutePath)}";
    }

    /// <summary>"METHOD /path" of every route the host maps outside the console's pages (docs/CONSOLE.md lists those),
    /// each parameter a *, a catch-all (the dashboard's pages) its root.</summary>
    private static IEnumerable<string> HostRoutes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Path: "/" + RouteParameter().Replace(CatchAll().Replace(e.RoutePattern.RawText!, ""), "*").Trim('/'),
                Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(r => !r.Path.StartsWith("/console", StringComparison.Ordinal))
            .SelectMany(r => r.Methods.Select(m => $"{m} {r.Path}"))
            .Distinct();

    private static string Excerpt(string text) => text.Length > 300 ? text[..300] + "..." : text;

    [GeneratedRegex(@"\b(answers|exits) (\d+)")]
    private static partial Regex StatedOutcome();

    [GeneratedRegex(@"\{\*\*[^}]*\}")]
    private static partial Regex CatchAll();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();
}
