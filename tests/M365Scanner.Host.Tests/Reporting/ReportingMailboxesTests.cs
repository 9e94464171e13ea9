using M365Scanner.Core.Operations;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Onboarding;
using M365Scanner.Storage.InMemory;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Tests.Reporting;

public sealed class ReportingMailboxesTests
{
    private const string Tenant = "tenant-a";

    [Fact]
    public void TheProtectedMailboxes_NeverIncludeTheReportingMailbox_EvenWhenConfigurationOrOnboardingNamesIt()
    {
        var options = new ScannerHostOptions
        {
            Mailboxes = [new MonitoredMailbox { TenantId = Tenant, Mailbox = "bob@contoso.example" },
                         new MonitoredMailbox { TenantId = Tenant, Mailbox = "Phish-Report@contoso.example" }],
            ReportingMailboxes = new() { [Tenant] = "phish-report@contoso.example" },
        };
        var tenants = new InMemoryTenantStore();
        tenants.Save(new TenantRecord(Tenant, TenantState.Active, null, [], null));
        tenants.SetMailboxes(Tenant, ["alice@contoso.example", "phish-report@contoso.example"]);
        var reporting = new ReportingMailboxes(Options.Create(options));

        var protectedMailboxes = new StoredMailboxes(Options.Create(options), tenants, reporting).All().Select(m => m.Mailbox);

        Assert.Equal(["bob@contoso.example", "alice@contoso.example"], protectedMailboxes);
        Assert.True(reporting.Is(Tenant, "PHISH-REPORT@contoso.example"));
        Assert.False(reporting.Is("tenant-b", "phish-report@contoso.example"));
    }

    [Theory]
    [InlineData("phish-report@contoso.example", true)]
    [InlineData("phish-report", false)]
    [InlineData("a@b@c", false)]
    [InlineData("Reports <phish-report@contoso.example>", false)]
    [InlineData("", false)]
    public void IsAddress_AcceptsOneBareAddressOnly(string value, bool expected) =>
        Assert.Equal(expected, ReportingMailboxes.IsAddress(value));
}
