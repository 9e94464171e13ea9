using System.ComponentModel.DataAnnotations;
using M365Scanner.Graph.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace M365Scanner.Graph.Tests;

public sealed class GraphOptionsTests
{
    private static List<ValidationResult> Validate(GraphOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void ToString_NeverContainsSecretOrCertificatePassword()
    {
        var options = new GraphOptions
        {
            Tenants =
            [
                new() { TenantId = "t1", ClientId = "c1", ClientSecret = "super-secret-value" },
                new() { TenantId = "t2", ClientId = "c2", CertificatePath = "/k/app.pfx", CertificatePassword = "pfx-password-value" },
            ],
        };

        var text = options.ToString();

        Assert.DoesNotContain("super-secret-value", text);
        Assert.DoesNotContain("pfx-password-value", text);
        Assert.Contains("t1", text);
        Assert.Contains("/k/app.pfx", text);
    }

    [Fact]
    public void Defaults_AreValid_AndPointAtMicrosoftCloud()
    {
        var options = new GraphOptions();

        Assert.Empty(Validate(options));
        Assert.Equal("https://graph.microsoft.com/v1.0", options.BaseUrl);
        Assert.Equal(4, options.MaxConcurrentRequestsPerMailbox);
        Assert.Equal(25L * 1024 * 1024, options.MaxAttachmentBytes);
        Assert.Equal(4L * 1024 * 1024, options.MaxListedAttachmentBytes);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("secret", "/k/app.pfx")]
    public void Validate_Fails_UnlessExactlyOneCredentialKind(string? secret, string? certificatePath)
    {
        var options = new GraphOptions { Tenants = [new() { TenantId = "t", ClientId = "c", ClientSecret = secret, CertificatePath = certificatePath }] };

        Assert.Contains(Validate(options), r => r.ErrorMessage!.Contains("exactly one"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_Fails_WhenTheSpoolDirectoryIsEmpty(string spool)
    {
        var options = new GraphOptions { SpoolDirectory = spool };

        Assert.Contains(Validate(options), r => r.MemberNames.Contains(nameof(GraphOptions.SpoolDirectory)));
    }

    [Fact]
    public void Validate_Fails_WhenGraphHostIsNotTrusted()
    {
        var options = new GraphOptions { BaseUrl = "https://127.0.0.1:5443/v1.0" };

        Assert.Contains(Validate(options), r => r.ErrorMessage!.Contains("TrustedHosts"));
    }

    [Fact]
    public void AddScannerGraph_BindsGraphSection_AndRejectsBadConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Graph:MaxConcurrentRequestsPerMailbox"] = "2",
            ["Graph:Tenants:0:TenantId"] = "t",
            ["Graph:Tenants:0:ClientId"] = "c",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddScannerGraph().BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GraphOptions>>().Value);

        Assert.Contains("exactly one", e.Message);
    }
}
