using System.Text.Json;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;

namespace M365Scanner.Core.Tests.Operations;

/// <summary>The names stored rows and the admin API carry: pinned here, so renaming a member cannot change them.</summary>
public class StableNameTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Of_GivesTheNamesStoredBeforeTheEnums()
    {
        Assert.Equal(["allow", "rewrite", "quarantine"], Enum.GetValues<MessageAction>().Select(StableName.Of));
        Assert.Equal(["rewrite", "quarantine", "release", "notice"], Enum.GetValues<AuditAction>().Select(StableName.Of));
        Assert.Equal(["started", "copied", "completed", "failed", "released"], Enum.GetValues<AuditState>().Select(StableName.Of));
        Assert.Equal(["retro", "ioc"], Enum.GetValues<HuntKind>().Select(StableName.Of));
        Assert.Equal(["queued", "running", "completed", "failed"], Enum.GetValues<HuntState>().Select(StableName.Of));
        Assert.Equal(["onboarding", "active", "offboarded", "consent-failed"], Enum.GetValues<TenantState>().Select(StableName.Of));
        Assert.Equal(["report-only", "enforce"], Enum.GetValues<PolicyMode>().Select(StableName.Of));
        Assert.Equal(["open", "released", "denied"], Enum.GetValues<ReleaseRequestState>().Select(StableName.Of));
    }

    [Fact]
    public void Parse_ReadsEachName_AndRefusesAnyOtherSpelling()
    {
        Assert.Equal(TenantState.ConsentFailed, StableName.Parse<TenantState>("consent-failed"));
        Assert.Equal(AuditState.Released, StableName.Parse<AuditState>("released"));
        Assert.Throws<FormatException>(() => StableName.Parse<AuditState>("Released"));
        Assert.Throws<FormatException>(() => StableName.Parse<TenantState>("ConsentFailed"));
        Assert.False(StableName.TryParse<MessageAction>("2", out _));
    }

    [Fact]
    public void Json_WritesTheStableNames_InTheRecordsTheApiReturns()
    {
        var key = new MessageKey("t", "m@t.example", "id");
        var at = DateTimeOffset.UnixEpoch;
        var verdict = JsonSerializer.Serialize(new VerdictRecord(key, "g", at, MessageAction.Quarantine, 1, "", true, "[]", ""), Web);
        var entry = JsonSerializer.Serialize(new AuditEntry(1, at, "scanner", key, AuditAction.Release, AuditState.Failed, null, null, ""), Web);
        var hunt = JsonSerializer.Serialize(new HuntReport("h", HuntKind.Ioc, null, null, 1, false, "api", HuntState.Running, at), Web);
        var tenant = JsonSerializer.Serialize(new TenantRecord("t", TenantState.ConsentFailed, null, [], null), Web);

        Assert.Contains("\"action\":\"quarantine\"", verdict, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"release\",\"state\":\"failed\"", entry, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"ioc\"", hunt, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"running\"", hunt, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"consent-failed\"", tenant, StringComparison.Ordinal);
        Assert.Equal(TenantState.ConsentFailed, JsonSerializer.Deserialize<TenantRecord>(tenant, Web)!.State);
    }
}
