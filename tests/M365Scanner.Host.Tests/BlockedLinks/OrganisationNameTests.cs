using M365Scanner.Host.BlockedLinks;

namespace M365Scanner.Host.Tests.BlockedLinks;

/// <summary>How the blocked-link page names the user's organisation.</summary>
public sealed class OrganisationNameTests
{
    [Theory]
    [InlineData("tenant-1", "bob@contoso.example", "Contoso Ltd")]
    [InlineData("tenant-2", "bob@fabrikam.example", "fabrikam.example")]
    [InlineData("tenant-3", "bob@fabrikam.example", "fabrikam.example")]
    [InlineData("tenant-2", "not-an-address", null)]
    [InlineData("tenant-2", "bob@", null)]
    public void For_IsTheConfiguredName_ElseTheMailboxDomain_ElseNull(string tenant, string mailbox, string? expected)
    {
        var options = new ScannerHostOptions { OrganisationNames = { ["tenant-1"] = " Contoso Ltd ", ["tenant-3"] = "  " } };

        Assert.Equal(expected, OrganisationName.For(options, tenant, mailbox));
    }
}
