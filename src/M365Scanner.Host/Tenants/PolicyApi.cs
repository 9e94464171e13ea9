using System.Security.Claims;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace M365Scanner.Host.Tenants;

/// <summary>
/// A tenant's policy in the admin API: the override of the global policy and the allow and block entries, changed
/// through the <see cref="PolicyEditor"/> in the authenticated caller's name.
/// </summary>
internal static class PolicyApi
{
    public static Ok<PolicyView> Get(string tenantId, IPolicyStore store, TenantPolicies policies) =>
        TypedResults.Ok(View(tenantId, store, policies));

    public static Results<Ok<PolicyView>, BadRequest<string>> Put(
        string tenantId, PolicyChange change, PolicyEditor editor, IPolicyStore store, TenantPolicies policies, ClaimsPrincipal user)
    {
        if (PolicyEditor.InvalidId(tenantId) || change is null)
            return TypedResults.BadRequest("a tenant id and a policy body are required");
        PolicyMode? mode = null;
        if (change.Mode is not null)
        {
            if (!StableName.TryParse<PolicyMode>(change.Mode, out var parsed))
                return TypedResults.BadRequest("mode must be \"enforce\", \"report-only\" or null (inherit)");
            mode = parsed;
        }
        var tenantOverride = new TenantPolicyOverride(mode, change.RewriteThreshold, change.QuarantineThreshold, change.QuarantineEstablishedSenders,
            change.HeldMessageNotice);
        return editor.SetOverride(tenantId, tenantOverride, ActorNames.Of(user)) is { } problem
            ? TypedResults.BadRequest(problem)
            : TypedResults.Ok(View(tenantId, store, policies));
    }

    public static Results<Ok<IReadOnlyList<PolicyEntry>>, BadRequest<string>> ListEntries(string tenantId, bool? includeRemoved, IPolicyStore store) =>
        PolicyEditor.InvalidId(tenantId)
            ? TypedResults.BadRequest("a tenant id is required")
            : TypedResults.Ok(store.Entries(tenantId, includeRemoved ?? false));

    public static Results<Created<PolicyEntry>, BadRequest<string>> AddEntry(
        string tenantId, NewPolicyEntry request, PolicyEditor editor, ClaimsPrincipal user)
    {
        if (request is null)
            return TypedResults.BadRequest("a tenant id and an entry are required");
        var (entry, problem) = editor.AddEntry(tenantId, request.Effect, request.Kind, request.Value, request.Mailbox, request.Reason, ActorNames.Of(user));
        return entry is null
            ? TypedResults.BadRequest(problem!)
            : TypedResults.Created($"/api/admin/tenants/{Uri.EscapeDataString(tenantId)}/policy/entries/{entry.Id}", entry);
    }

    public static Results<Ok<PolicyEntry>, NotFound> RemoveEntry(string tenantId, string entryId, PolicyEditor editor, ClaimsPrincipal user) =>
        editor.RemoveEntry(tenantId, entryId, ActorNames.Of(user)) is { } removed ? TypedResults.Ok(removed) : TypedResults.NotFound();

    private static PolicyView View(string tenantId, IPolicyStore store, TenantPolicies policies)
    {
        var history = store.History(tenantId);
        var effective = policies.For(tenantId).Policy;
        return new PolicyView(tenantId,
            PolicySettings.From(history.FirstOrDefault()?.Override ?? TenantPolicyOverride.None),
            PolicySettings.From(effective),
            [.. history.Select(v => new PolicyVersionView(PolicySettings.From(v.Override), v.ChangedBy, v.ChangedAt))]);
    }

    /// <summary>The override as the API takes it: each null (or absent) setting inherits the global policy. Mode is "enforce" or "report-only".</summary>
    public sealed record PolicyChange(string? Mode, double? RewriteThreshold, double? QuarantineThreshold, bool? QuarantineEstablishedSenders,
        bool? HeldMessageNotice = null);

    /// <summary>One set of settings as the API shows it (an override's nulls inherit).</summary>
    public sealed record PolicySettings(string? Mode, double? RewriteThreshold, double? QuarantineThreshold, bool? QuarantineEstablishedSenders,
        bool? HeldMessageNotice)
    {
        public static PolicySettings From(TenantPolicyOverride o) =>
            new(Name(o.Mode), o.RewriteThreshold, o.QuarantineThreshold, o.QuarantineEstablishedSenders, o.HeldMessageNotice);

        public static PolicySettings From(PolicyOptions o) =>
            new(Name(o.Mode), o.RewriteThreshold, o.QuarantineThreshold, o.QuarantineEstablishedSenders, o.HeldMessageNotice);
    }

    public sealed record PolicyVersionView(PolicySettings Override, string ChangedBy, DateTimeOffset ChangedAt);

    /// <summary>The tenant's override, the policy in force once it is laid over the global one, and every saved version, the newest first.</summary>
    public sealed record PolicyView(string TenantId, PolicySettings Override, PolicySettings Effective, IReadOnlyList<PolicyVersionView> History);

    /// <summary>An entry to add. <paramref name="Mailbox"/> null: the whole tenant.</summary>
    public sealed record NewPolicyEntry(PolicyEntryEffect Effect, PolicyEntryKind Kind, string? Value, string? Mailbox, string? Reason);

    private static string? Name(PolicyMode? mode) => mode is { } m ? StableName.Of(m) : null;
}
