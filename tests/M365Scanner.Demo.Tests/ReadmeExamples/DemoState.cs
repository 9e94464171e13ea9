using M365Scanner.Core.Operations;
using M365Scanner.GraphEmulator.Control;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Demo.Tests.ReadmeExamples;

/// <summary>The README's placeholders (<c>$TENANT</c>, <c>$AUDIT_ID</c>, ...) as a user would fill them in from the
/// running demo, read when each line runs: <c>$AUDIT_ID</c> after one release is the next thing still releasable,
/// <c>$ENTRY_ID</c> the entry the previous example added.</summary>
public sealed class DemoState(DemoSession session)
{
    public string Value(string name) => name switch
    {
        "TENANT" => DemoSeed.TenantId,
        "AUDIT_ID" => Service<IAuditLog>().Query(DemoSeed.TenantId, limit: 1000)
            .First(e => e.Action is AuditAction.Rewrite or AuditAction.Quarantine && e.State == AuditState.Completed).Id.ToString(),
        "HUNT_ID" => Service<IHuntStore>().Recent(1).Single().Id,
        "ENTRY_ID" => Service<IPolicyStore>().Entries(DemoSeed.TenantId).OrderByDescending(e => e.AddedAt).First().Id,
        "TOKEN" => session.Messages.SelectMany(m => m.BlockedLinks).First().Split('/').Last(),
        _ => throw new InvalidOperationException($"the README example uses ${name}, which the section does not explain"),
    };

    private T Service<T>() where T : notnull => session.Services.GetRequiredService<T>();
}
