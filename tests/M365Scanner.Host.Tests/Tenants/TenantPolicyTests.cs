using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Tests.TestSupport;

namespace M365Scanner.Host.Tests.Tenants;

/// <summary>A tenant's policy changed through the admin API applies to the tenant's next scan, without a restart.</summary>
public class TenantPolicyTests
{
    private const string EvilUrl = "https://secure-docs.evilhost.xyz/4JEcfT25549iCYf310zjlcedhsms3764";
    private const string ViewerKey = "test-viewer-key-0123456789abcdef";

    private static string PolicyPath(ScannerEnvironment env) => $"/api/admin/tenants/{env.TenantId}/policy";

    [Fact]
    public async Task ReportOnlyForOneTenant_RecordsTheNextFlaggedMessage_ButLeavesItInTheInbox()
    {
        await using var env = await ScannerEnvironment.StartAsync(policyMode: "Enforce");
        using var admin = env.AdminClient();

        var put = await admin.PutAsJsonAsync(PolicyPath(env), new { mode = "report-only" });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var view = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("report-only", view.GetProperty("override").GetProperty("mode").GetString());
        Assert.Equal("report-only", view.GetProperty("effective").GetProperty("mode").GetString());
        Assert.Equal(0.5, view.GetProperty("effective").GetProperty("rewriteThreshold").GetDouble());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("override").GetProperty("rewriteThreshold").ValueKind);
        Assert.Equal("test admin", view.GetProperty("history")[0].GetProperty("changedBy").GetString());

        var mime = ScannerEnvironment.LateralPdfMessage("report-only-1@partner.example", EvilUrl);
        var id = env.Deliver(mime);
        var verdict = await env.VerdictForAsync("report-only-1@partner.example");

        Assert.Equal(MessageAction.Rewrite, verdict.Action);
        Assert.False(verdict.Enforced);
        var inbox = Assert.Single(env.InFolder("Inbox", "report-only-1@partner.example"));
        Assert.Equal(id, inbox.Id);
        Assert.Equal(mime, inbox.Mime);
        Assert.Empty(env.Folder("M365Scanner Quarantine"));
        Assert.Empty(env.Audit.Query(env.TenantId));
    }

    [Fact]
    public async Task LinkDomainAllowEntry_AllowsTheMessage_NamingTheEntry_AndIsKeptWhenRemoved()
    {
        await using var env = await ScannerEnvironment.StartAsync(policyMode: "Enforce");
        using var admin = env.AdminClient();

        var added = await admin.PostAsJsonAsync($"{PolicyPath(env)}/entries",
            new { effect = "allow", kind = "link-domain", value = "EvilHost.xyz", reason = "our supplier's new portal" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var entry = await added.Content.ReadFromJsonAsync<JsonElement>();
        var entryId = entry.GetProperty("id").GetString()!;
        Assert.Equal("evilhost.xyz", entry.GetProperty("value").GetString());
        Assert.Equal("link-domain", entry.GetProperty("kind").GetString());
        Assert.Equal("test admin", entry.GetProperty("addedBy").GetString());

        var mime = ScannerEnvironment.LateralPdfMessage("allowed-1@partner.example", EvilUrl);
        var id = env.Deliver(mime);
        var allowed = await env.VerdictForAsync("allowed-1@partner.example");

        Assert.Equal(MessageAction.Allow, allowed.Action);
        Assert.Contains($"link domain evilhost.xyz is allowed for the tenant (entry {entryId}, by test admin: our supplier's new portal)",
            allowed.Explanation, StringComparison.Ordinal);
        Assert.Equal(mime, Assert.Single(env.InFolder("Inbox", "allowed-1@partner.example")).Mime);
        Assert.Equal(id, Assert.Single(env.InFolder("Inbox", "allowed-1@partner.example")).Id);

        var removed = await admin.DeleteAsync($"{PolicyPath(env)}/entries/{entryId}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var kept = await admin.GetFromJsonAsync<JsonElement>($"{PolicyPath(env)}/entries?includeRemoved=true");
        Assert.Equal("test admin", kept[0].GetProperty("removedBy").GetString());
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"{PolicyPath(env)}/entries")).GetArrayLength());
    }

    [Fact]
    public async Task LinkDomainBlockEntry_RewritesAPartnersOrdinaryLink_NamingTheEntry_UntilItIsRemoved()
    {
        await using var env = await ScannerEnvironment.StartAsync(policyMode: "Enforce");
        using var admin = env.AdminClient();
        var added = await admin.PostAsJsonAsync($"{PolicyPath(env)}/entries",
            new { effect = "block", kind = "link-domain", value = "docs.partner.example", mailbox = ScannerEnvironment.Mailbox.ToUpperInvariant() });
        var entryId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        env.Deliver(Benign("blocked-1@partner.example"));
        var blocked = await env.VerdictForAsync("blocked-1@partner.example");

        Assert.Equal(MessageAction.Rewrite, blocked.Action);
        Assert.Contains($"link domain docs.partner.example is blocked for mailbox {ScannerEnvironment.Mailbox} (entry {entryId}",
            blocked.Explanation, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"{PolicyPath(env)}/entries/{entryId}")).StatusCode);
        env.Deliver(Benign("unblocked-1@partner.example"));
        var unblocked = await env.VerdictForAsync("unblocked-1@partner.example");

        Assert.Equal(MessageAction.Allow, unblocked.Action);
        Assert.DoesNotContain(entryId, unblocked.Explanation, StringComparison.Ordinal);
    }

    private static byte[] Benign(string messageId) => Mime.Message(ScannerEnvironment.Partner, ScannerEnvironment.Mailbox, "Minutes",
        "Hello Bob, minutes at https://docs.partner.example/minutes/7", DateTimeOffset.UtcNow, messageId: messageId);

    [Fact]
    public async Task PolicyRoutes_LetViewersRead_OnlyAdminsWrite_AndRejectWhatCannotApply()
    {
        await using var env = await ScannerEnvironment.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Scanner:ApiKeys:1:Name"] = "test viewer",
            ["Scanner:ApiKeys:1:Key"] = ViewerKey,
            ["Scanner:ApiKeys:1:Role"] = "Viewer",
        });
        using var admin = env.AdminClient();
        using var viewer = new HttpClient { BaseAddress = new Uri(env.BaseUrl) };
        viewer.DefaultRequestHeaders.Add("X-Api-Key", ViewerKey);

        var inherited = await viewer.GetFromJsonAsync<JsonElement>(PolicyPath(env));
        Assert.Equal(JsonValueKind.Null, inherited.GetProperty("override").GetProperty("mode").ValueKind);
        Assert.Equal("enforce", inherited.GetProperty("effective").GetProperty("mode").GetString());
        Assert.Equal(0, inherited.GetProperty("history").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync(PolicyPath(env), new { mode = "report-only" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await viewer.PostAsJsonAsync($"{PolicyPath(env)}/entries", new { effect = "allow", kind = "sender", value = "a@b.example" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{PolicyPath(env)}/entries")).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync(PolicyPath(env), new { mode = "Enforce" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync(PolicyPath(env), new { rewriteThreshold = 1.5 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.PostAsJsonAsync($"{PolicyPath(env)}/entries", new { effect = "block", kind = "link-domain", value = "https://x.example/a" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.PostAsJsonAsync($"{PolicyPath(env)}/entries", new { effect = "allow", kind = "sender", value = "a@b.example", mailbox = "not an address" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{PolicyPath(env)}/entries/no-such-entry")).StatusCode);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>(PolicyPath(env))).GetProperty("history").GetArrayLength());
    }
}
