using System.Security.Cryptography;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Tests.BlockedLinks;

/// <summary>Scanner:BlockedLinkSigningKey is checked when the host starts, not by the first /blocked request.</summary>
public class BlockedLinkSigningKeyTests
{
    [Theory]
    [InlineData("AAECAw==", "decodes to 4 byte(s)")]
    [InlineData("not base64 at all!", "is not valid base64")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==", "decodes to 31 byte(s)")]
    public async Task Start_Fails_NamingTheSetting_WhenTheKeyIsBad(string key, string why)
    {
        var data = TestDataDirectory.New();
        try
        {
            await using var host = Build(data, key);

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Contains("Scanner:BlockedLinkSigningKey", error.Message);
            Assert.Contains(why, error.Message);
            Assert.DoesNotContain(key, error.Message);
        }
        finally
        {
            TestDataDirectory.Delete(data);
        }
    }

    [Fact]
    public void Options_Accept_ThirtyTwoRandomBytes()
    {
        var data = TestDataDirectory.New();
        try
        {
            using var host = Build(data, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

            Assert.NotNull(host.Services.GetRequiredService<IOptions<ScannerHostOptions>>().Value.BlockedLinkSigningKey);
        }
        finally
        {
            TestDataDirectory.Delete(data);
        }
    }

    private static Microsoft.AspNetCore.Builder.WebApplication Build(string data, string key) => ScannerApp.Build([], builder =>
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Storage:Provider"] = "InMemory",
            ["Scanner:DataDirectory"] = data,
            ["Scanner:BlockedLinkSigningKey"] = key,
        }));
}
