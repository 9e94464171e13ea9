using System.Net;
using System.Net.Sockets;
using System.Text;

namespace M365Scanner.Cli.Tests.Commands;

public class ConsentUrlCommandTests
{
    [Fact]
    public async Task ConsentUrl_PrintsTheAdminConsentUrl_ForClientAndRedirect()
    {
        var run = await CliRun.Of("consent-url", "--client-id", "5f6b7d1e-0c3a-4e8b-9a51-3b2f4c6d8e90",
            "--redirect-uri", "https://scanner.example/onboard/callback");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("https://login.microsoftonline.com/organizations/v2.0/adminconsent?client_id=5f6b7d1e-0c3a-4e8b-9a51-3b2f4c6d8e90" +
                     "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&redirect_uri=https%3A%2F%2Fscanner.example%2Fonboard%2Fcallback",
            run.Stdout.Trim());
    }

    [Fact]
    public async Task ConsentUrl_UsesTheGivenAuthority()
    {
        var run = await CliRun.Of("consent-url", "--client-id", "abc", "--redirect-uri", "https://s.example/cb",
            "--authority", "https://127.0.0.1:5555/");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("https://127.0.0.1:5555/organizations/v2.0/adminconsent?client_id=abc&", run.Stdout.Trim());
    }

    [Fact]
    public async Task ConsentUrl_AsksTheGivenTenant()
    {
        var run = await CliRun.Of("consent-url", "--client-id", "abc", "--redirect-uri", "https://s.example/cb", "--tenant", "Contoso.com");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("https://login.microsoftonline.com/contoso.com/v2.0/adminconsent?client_id=abc&", run.Stdout.Trim());
    }

    [Theory]
    [InlineData("consent-url", "--client-id", "abc", "--redirect-uri", "https://s.example/cb", "--tenant", "common")]
    [InlineData("consent-url")]
    [InlineData("consent-url", "--client-id", "abc")]
    [InlineData("consent-url", "--client-id", "abc", "--redirect-uri", "https://s.example/cb", "--host", "http://127.0.0.1:1")]
    [InlineData("consent-url", "--client-id", "abc", "--redirect-uri", "not-absolute")]
    public async Task ConsentUrl_IsAUsageError_WhenArgumentsDoNotFit(params string[] args)
    {
        var run = await CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Stderr);
    }

    [Fact]
    public async Task ConsentUrl_PrintsWhereTheHostsOnboardRedirects_WithoutFollowingIt()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        const string target = "https://login.example/organizations/v2.0/adminconsent?client_id=abc&state=s1";
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var request = new StringBuilder();
            var buffer = new byte[1024];
            while (!request.ToString().Contains("\r\n\r\n"))
                request.Append(Encoding.ASCII.GetString(buffer, 0, await stream.ReadAsync(buffer)));
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 302 Found\r\nLocation: {target}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            return request.ToString();
        });

        var run = await CliRun.Of("consent-url", "--host", $"http://127.0.0.1:{port}", "--tenant", "contoso.com");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(target, run.Stdout.Trim());
        Assert.StartsWith("GET /onboard?tenant=contoso.com HTTP/1.1", await serve);
    }
}
