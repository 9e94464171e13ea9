using M365Scanner.Core.Policy;
using M365Scanner.Host.Alerts;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Tests.Alerts;

public sealed class AlertOptionsValidationTests
{
    private const string Secret = "a-signing-secret-of-some-length";

    [Theory]
    [InlineData("https://soc.example/hooks/m365", true)]
    [InlineData("http://127.0.0.1:9000/hook", true)]
    [InlineData("http://localhost:9000/hook", true)]
    [InlineData("http://soc.example/hook", false)]
    [InlineData("http://10.0.0.5/hook", false)]
    [InlineData("ftp://soc.example/hook", false)]
    [InlineData("/relative/hook", false)]
    [InlineData("", false)]
    public void Url_MustBeHttps_ExceptToThisMachine(string url, bool valid)
    {
        var result = Validate(new AlertWebhookOptions { Name = "soc", Url = url, Secret = Secret });

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void AFailure_NamesTheWebhookAndTheRule_NeverItsUrlOrSecret()
    {
        const string teamsUrl = "http://contoso.webhook.office.com/webhookb2/secret-part";

        var result = Validate(new AlertWebhookOptions { Name = "teams", Url = teamsUrl, Format = AlertFormat.Teams, Secret = Secret });

        var message = Assert.Single(result.Failures!);
        Assert.Equal("Alerts:Webhooks:0 (teams): Url must use https (plain http is allowed only to 127.0.0.1 or localhost, for a receiver on this machine).", message);
        Assert.DoesNotContain("secret-part", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_NeedsASecret_Teams_DoesNot()
    {
        Assert.False(Validate(new AlertWebhookOptions { Name = "soc", Url = "https://soc.example/h" }).Succeeded);
        Assert.False(Validate(new AlertWebhookOptions { Name = "soc", Url = "https://soc.example/h", Secret = "short" }).Succeeded);
        Assert.True(Validate(new AlertWebhookOptions { Name = "teams", Url = "https://x.webhook.office.com/h", Format = AlertFormat.Teams }).Succeeded);
    }

    [Fact]
    public void Names_AreRequired_AndUnique_AndMinimumActionActs()
    {
        Assert.False(Validate(new AlertWebhookOptions { Name = "", Url = "https://a.example/h", Secret = Secret }).Succeeded);
        Assert.False(Validate(new AlertWebhookOptions { Name = "soc", Url = "https://a.example/h", Secret = Secret, MinimumAction = MessageAction.Allow }).Succeeded);
        var twice = Validate(new AlertWebhookOptions { Name = "soc", Url = "https://a.example/h", Secret = Secret },
            new AlertWebhookOptions { Name = "SOC", Url = "https://b.example/h", Secret = Secret });
        Assert.Contains("used 2 times", twice.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHost_WithABadWebhookUrl_FailsToStart_SayingWhich()
    {
        await using var emulator = await GraphEmulator.EmulatorHost.StartAsync();
        var tenant = ScannerTenant.Create(emulator, [ScannerTenant.Bob]);
        var settings = tenant.Settings($"http://127.0.0.1:{ScannerTenant.FreePort()}");
        settings["Alerts:Webhooks:0:Name"] = "soc";
        settings["Alerts:Webhooks:0:Url"] = "http://soc.example/hook";
        settings["Alerts:Webhooks:0:Secret"] = Secret;
        await using var host = ScannerApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Alerts:Webhooks:0 (soc): Url must use https", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure.Message, StringComparison.Ordinal);
        TestDataDirectory.Delete(settings["Scanner:DataDirectory"]);
    }

    private static ValidateOptionsResult Validate(params AlertWebhookOptions[] webhooks) =>
        new AlertOptionsValidation().Validate(null, new AlertOptions { Webhooks = [.. webhooks] });
}
