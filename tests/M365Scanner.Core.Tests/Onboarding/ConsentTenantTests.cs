using M365Scanner.Core.Onboarding;

namespace M365Scanner.Core.Tests.Onboarding;

public class ConsentTenantTests
{
    [Theory]
    [InlineData("6F1B1D2E-7C55-4F0B-9A0E-1B2C3D4E5F60", "6f1b1d2e-7c55-4f0b-9a0e-1b2c3d4e5f60")]
    [InlineData(" Contoso.COM ", "contoso.com")]
    [InlineData("contoso.onmicrosoft.com.", "contoso.onmicrosoft.com")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    public void TryNormalize_GivesTheCanonicalTenant(string input, string expected)
    {
        Assert.True(ConsentTenant.TryNormalize(input, out var tenant));
        Assert.Equal(expected, tenant);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("organizations")]
    [InlineData("common")]
    [InlineData("consumers")]
    [InlineData("contoso.com/../common")]
    [InlineData("a b.example")]
    [InlineData("-bad.example")]
    [InlineData("6f1b1d2e7c554f0b9a0e1b2c3d4e5f60")]
    public void TryNormalize_RefusesWhatIsNotOneTenant(string? input) => Assert.False(ConsentTenant.TryNormalize(input, out _));

    [Fact]
    public void AdminConsentUrl_IsBuiltForTheTenantAsked()
    {
        var url = AdminConsentUrl.Build(new Uri("https://login.microsoftonline.com/"), "abc", new Uri("https://s.example/cb"), "st", "contoso.com");

        Assert.StartsWith("https://login.microsoftonline.com/contoso.com/v2.0/adminconsent?client_id=abc&", url.ToString());
        Assert.EndsWith("&state=st", url.ToString());
    }
}
