using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Tests.TestSupport;

namespace M365Scanner.Host.Tests.Admin;

/// <summary>The admin API's JSON keeps the names it had when actions and states were strings in the records.</summary>
public class AdminApiJsonTests
{
    [Fact]
    public async Task VerdictsAndAudit_NameActionsAndStatesInLowerCase_AndTheActionFilterTakesThoseNames()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        var key = new MessageKey(env.TenantId, ScannerEnvironment.Mailbox, "json-1@partner.example");
        var at = new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
        env.Verdicts.Record(new VerdictRecord(key, "AAMk1", at, MessageAction.Rewrite, 0.8, "why", true, "[]", ""));
        var id = env.Audit.Append(new AuditEntry(0, at, "scanner", key, AuditAction.Rewrite, AuditState.Started, "AAMk1", null, "why"));
        env.Audit.Update(id, AuditState.Copied, null, "AAMk2", at);

        using var admin = env.AdminClient();
        var verdicts = await admin.GetStringAsync($"/api/admin/verdicts?tenant={env.TenantId}");
        var audit = await admin.GetStringAsync($"/api/admin/audit?tenant={env.TenantId}");

        Assert.Contains("\"action\":\"rewrite\"", verdicts, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"rewrite\",\"state\":\"copied\"", audit, StringComparison.Ordinal);
        Assert.Contains("json-1@partner.example", await admin.GetStringAsync($"/api/admin/verdicts?tenant={env.TenantId}&action=rewrite"), StringComparison.Ordinal);
        Assert.Equal("[]", await admin.GetStringAsync($"/api/admin/verdicts?tenant={env.TenantId}&action=quarantine"));
        // Only the stored names filter: the member's own spelling never did and still matches nothing.
        Assert.Equal("[]", await admin.GetStringAsync($"/api/admin/verdicts?tenant={env.TenantId}&action=Rewrite"));
    }

    [Fact]
    public async Task Audit_FiltersByActorAndByHunt_AndNamesBoth()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        var at = new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
        AuditEntry Entry(string message, string actor, string? hunt) => new(0, at, actor,
            new MessageKey(env.TenantId, ScannerEnvironment.Mailbox, message), AuditAction.Quarantine, AuditState.Completed, "AAMk1", null, "why", HuntId: hunt);
        env.Audit.Append(Entry("by-scan@partner.example", "scanner", null));
        env.Audit.Append(Entry("by-alice-1@partner.example", "alice@contoso.example", "a1b2c3d4e5f6"));
        env.Audit.Append(Entry("by-alice-2@partner.example", "alice@contoso.example", "0f9e8d7c6b5a"));

        using var admin = env.AdminClient();
        var byAlice = await admin.GetStringAsync($"/api/admin/audit?tenant={env.TenantId}&actor=alice@contoso.example");
        var byHunt = await admin.GetStringAsync($"/api/admin/audit?tenant={env.TenantId}&hunt=a1b2c3d4e5f6");

        Assert.Contains("by-alice-1", byAlice, StringComparison.Ordinal);
        Assert.Contains("by-alice-2", byAlice, StringComparison.Ordinal);
        Assert.DoesNotContain("by-scan", byAlice, StringComparison.Ordinal);
        Assert.Contains("\"actor\":\"alice@contoso.example\"", byHunt, StringComparison.Ordinal);
        Assert.Contains("\"huntId\":\"a1b2c3d4e5f6\"", byHunt, StringComparison.Ordinal);
        Assert.DoesNotContain("by-alice-2", byHunt, StringComparison.Ordinal);
    }
}
