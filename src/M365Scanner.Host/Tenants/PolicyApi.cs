using System.Security.Claims;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace M365Scanner.Host.Tenants;

/// <summary>
/// A tenant's policy in the admin API: the override of the global policy and the allow and block entries. Every change
/// is recorded with the authenticated caller's name in the <see cref="IPolicyStore"/>, which keeps every override
/// version and every removed entry (the audit trail of policy changes), and takes effect for the tenant's next scan.
/// </summary>
internal static class PolicyApi
{
    private const int MaxText = 320;

    public static Ok<PolicyView> Get(string tenantId, IPolicyStore store, TenantPolicies policies) =>
        TypedResults.Ok(View(tenantId, store, policies));

    public static Results<Ok<PolicyView>, BadRequest<string>> Put(
        string tenantId, PolicyChange change, IPolicyStore store, TenantPolicies policies, ClaimsPrincipal user, TimeProvider clock,
        ILogger<TenantPolicies> log)
    {
        if (Invalid(tenantId) || change is null)
            return TypedResults.BadRequest("a tenant id and a policy body are required");
        PolicyMode? mode = null;
        if (change.Mode is not null)
        {
            if (!StableName.TryParse<PolicyMode>(change.Mode, out var parsed))
                return TypedResults.BadRequest("mode must be \"enforce\", \"report-only\" or null (inherit)");
            mode = parsed;
        }
        var tenantOverride = new TenantPolicyOverride(mode, change.RewriteThreshold, change.QuarantineThreshold, change.QuarantineEstablishedSenders);
        if (tenantOverride.Problem() is { } problem)
            return TypedResults.BadRequest(problem);
        var actor = ActorNames.Of(user);
        store.Save(new TenantPolicyVersion(tenantId, tenantOverride, actor, clock.GetUtcNow()));
        policies.Changed(tenantId);
        log.LogInformation("Policy of tenant {TenantId} changed by {Actor}: {Override}", tenantId, actor, tenantOverride);
        return TypedResults.Ok(View(tenantId, store, policies));
    }

    public static Results<Ok<IReadOnlyList<PolicyEntry>>, BadRequest<string>> ListEntries(string tenantId, bool? includeRemoved, IPolicyStore store) =>
        Invalid(tenantId)
            ? TypedResults.BadRequest("a tenant id is required")
            : TypedResults.Ok(store.Entries(tenantId, includeRemoved ?? false));

    public static Results<Created<PolicyEntry>, BadRequest<string>> AddEntry(
        string tenantId, NewPolicyEntry request, IPolicyStore store, TenantPolicies policies, ClaimsPrincipal user, TimeProvider clock,
        ILogger<TenantPolicies> log)
    {
        if (Invalid(tenantId) || request is null)
            return TypedResults.BadRequest("a tenant id and an entry are required");
        if (PolicyEntry.Normalize(request.Kind, request.Value) is not { } value)
            return TypedResults.BadRequest($"'{Shorten(request.Value)}' is not a valid {StableName.Of(request.Kind)}");
        var mailbox = request.Mailbox?.Trim().ToLowerInvariant();
        if (mailbox is not null && PolicyEntry.Normalize(PolicyEntryKind.SenderAddress, mailbox) is null)
            return TypedResults.BadRequest("mailbox must be an address, or absent for the whole tenant");
        var reason = (request.Reason ?? "").Trim();
        if (reason.Length > 1000)
            return TypedResults.BadRequest("reason is longer than 1000 characters");
        var entry = new PolicyEntry(Guid.NewGuid().ToString("N"), tenantId, request.Effect, request.Kind, value, mailbox,
            ActorNames.Of(user), clock.GetUtcNow(), reason);
        store.Add(entry);
        policies.Changed(tenantId);
        log.LogInformation("Policy entry {EntryId} added to tenant {TenantId} by {Actor}: {Entry}", entry.Id, tenantId, entry.AddedBy, entry.Describe());
        return TypedResults.Created($"/api/admin/tenants/{Uri.EscapeDataString(tenantId)}/policy/entries/{entry.Id}", entry);
    }

    public static Results<Ok<PolicyEntry>, NotFound> RemoveEntry(
        string tenantId, string entryId, IPolicyStore store, TenantPolicies policies, ClaimsPrincipal user, TimeProvider clock,
        ILogger<TenantPolicies> log)
    {
        if (Invalid(tenantId) || Invalid(entryId))
            return TypedResults.NotFound();
        var actor = ActorNames.Of(user);
        if (store.Remove(tenantId, entryId, actor, clock.GetUtcNow()) is not { } removed)
            return TypedResults.NotFound();
        policies.Changed(tenantId);
        log.LogInformation("Policy entry {EntryId} of tenant {TenantId} removed by {Actor}", entryId, tenantId, actor);
        return TypedResults.Ok(removed);
    }

    private static PolicyView View(string tenantId, IPolicyStore store, TenantPolicies policies)
    {
        var history = store.History(tenantId);
        var effective = policies.For(tenantId).Policy;
        return new PolicyView(tenantId,
            PolicySettings.From(history.FirstOrDefault()?.Override ?? TenantPolicyOverride.None),
            PolicySettings.From(effective),
            [.. history.Select(v => new PolicyVersionView(PolicySettings.From(v.Override), v.ChangedBy, v.ChangedAt))]);
    }

    private static bool Invalid(string id) => string.IsNullOrWhiteSpace(id) || id.Length > 128 || id.Any(char.IsControl);

    private static string Shorten(string? text) => text is null ? "" : text.Length > 64 ? text[..64] + "…" : text;

    /// <summary>The override as the API takes it: each null setting inherits the global policy. Mode is "enforce" or "report-only".</summary>
    public sealed record PolicyChange(string? Mode, double? RewriteThreshold, double? QuarantineThreshold, bool? QuarantineEstablishedSenders);

    /// <summary>One set of settings as the API shows it (an override's nulls inherit).</summary>
    public sealed record PolicySettings(string? Mode, double? RewriteThreshold, double? QuarantineThreshold, bool? QuarantineEstablishedSenders)
    {
        public static PolicySettings From(TenantPolicyOverride o) =>
            new(Name(o.Mode), o.RewriteThreshold, o.QuarantineThreshold, o.QuarantineEstablishedSenders);

        public static PolicySettings From(PolicyOptions o) =>
            new(Name(o.Mode), o.RewriteThreshold, o.QuarantineThreshold, o.QuarantineEstablishedSenders);
    }

    public sealed record PolicyVersionView(PolicySettings Override, string ChangedBy, DateTimeOffset ChangedAt);

    /// <summary>The tenant's override, the policy in force once it is laid over the global one, and every saved version, the newest first.</summary>
    public sealed record PolicyView(string TenantId, PolicySettings Override, PolicySettings Effective, IReadOnlyList<PolicyVersionView> History);

    /// <summary>An entry to add. <paramref name="Mailbox"/> null: the whole tenant.</summary>
    public sealed record NewPolicyEntry(PolicyEntryEffect Effect, PolicyEntryKind Kind, string? Value, string? Mailbox, string? Reason);

    private static string? Name(PolicyMode? mode) => mode is { } m ? StableName.Of(m) : null;
}
