using M365Scanner.Host.Security;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Tests.Security;

public class AllowedHostNamesTests
{
    [Theory]
    [InlineData("scanner.example.com", true)]
    [InlineData("SCANNER.example.com:8443", true)] // names compare without case; ports are not names
    [InlineData("scanner.example.com.", true)]
    [InlineData("alias.example.net", true)]
    [InlineData("localhost:5080", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("[::1]:8080", true)]
    [InlineData("attacker.example", false)]
    [InlineData("scanner.example.com.attacker.example", false)]
    [InlineData("10.0.0.7:8080", false)]
    [InlineData("", false)]
    public void Allows_ThePublicNameTheConfiguredOnesAndLoopback(string host, bool allowed)
    {
        var names = new AllowedHostNames(new ScannerHostOptions { PublicBaseUrl = "https://scanner.example.com", AllowedHosts = ["alias.example.net"] });

        Assert.Equal(allowed, names.Allows(new HostString(host)));
    }

    [Theory]
    [InlineData("localhost:5080", true)]
    [InlineData("127.0.0.1:5080", true)]
    [InlineData("[::1]:5080", true)]
    [InlineData("demo.example.com", false)]
    [InlineData("127.0.0.2", false)]
    public void Allows_OnlyLoopbackNames_InDemoMode(string host, bool allowed)
    {
        var names = new AllowedHostNames(new ScannerHostOptions { DemoMode = true, PublicBaseUrl = "http://127.0.0.1:5080", AllowedHosts = [] });

        Assert.Equal(allowed, names.Allows(new HostString(host)));
    }

    [Theory]
    [InlineData("scanner.example.com:443")]
    [InlineData("https://scanner.example.com")]
    [InlineData("*.example.com")]
    public void Start_Fails_WhenAnAllowedHostIsNotAName(string entry)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scanner:AllowedHosts:0"] = entry,
            ["Storage:Provider"] = "InMemory",
            ["Scanner:DataDirectory"] = TestDataDirectory.New(),
        };
        using var host = ScannerApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ScannerHostOptions>>().Value);
        Assert.Contains("Scanner:AllowedHosts takes host names or IP addresses only", error.Message);
    }
}
